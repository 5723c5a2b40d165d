import Testing
@testable import BuzonStore

@Suite struct StorePlaceholderTests {
    @Test func moduleLinks() { #expect(Bool(true) == true) }
}
