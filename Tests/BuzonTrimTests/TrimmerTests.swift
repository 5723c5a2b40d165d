import Testing
@testable import BuzonTrim

@Suite struct TrimmerPlaceholderTests {
    @Test func trimmerBuilds() { _ = ReplyTrimmer() }
}
