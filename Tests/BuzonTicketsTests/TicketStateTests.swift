import Testing
@testable import BuzonTickets

@Suite struct TicketStateTests {
    @Test func stateNamesMatchTheCommandLineContract() {
        #expect(TicketState.allCases.map(\.rawValue) == ["waiting_on_support", "answered", "closed"])
    }
}
