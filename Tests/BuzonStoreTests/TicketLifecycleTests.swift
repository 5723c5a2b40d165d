import BuzonTickets
import Foundation
import Testing
@testable import BuzonStore

@Suite struct TicketLifecycleTests {
    @Test func numbersFormOneSequenceAcrossOrganizationsStartingAtFirst() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let a = try store.makeTicket(organization: "Andina")
        let b = try store.makeTicket(organization: "Boreal")
        let c = try store.makeTicket(organization: nil)
        #expect([a.number, b.number, c.number] == ["OP10000", "OP10001", "OP10002"])
        // A raised floor in the configuration moves the sequence forward, a lower one never back.
        #expect(try store.allocateTicketNumber(prefix: "OP", first: 20000) == "OP20000")
        #expect(try store.allocateTicketNumber(prefix: "XX", first: 1) == "XX20001")
    }

    @Test func committedNumbersAreNeverReusedEvenAfterDeletion() throws {
        struct Abort: Error {}
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let first = try store.transaction { try store.makeTicket() }
        try store.database.run("DELETE FROM tickets WHERE number = ?", first.number)
        #expect(throws: Abort.self) {
            try store.transaction { _ = try store.makeTicket(); throw Abort() }
        }
        // The rolled-back number OP10001 was never seen, so it may be handed out again; OP10000 may not.
        let next = try store.transaction { try store.makeTicket() }
        #expect(next.number == "OP10001")
        // Reopening the file continues the sequence.
        let reopened = try directory.openStore()
        #expect(try reopened.allocateTicketNumber(prefix: "OP", first: 10000) == "OP10002")
    }

    @Test func createdTicketReadsBackWithAllFields() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let created = try store.createTicket(NewTicket(
            number: "OP10044", subject: "Factura duplicada", organization: "Andina", contactAddress: "ana@andina.cl",
            contactName: "Ana Pérez", department: "Ventas", category: "Consultoría", priority: "high",
            createdAt: Clock.start, relatedTicket: "OP10001", language: "es"))
        let read = try #require(try store.summary(number: "OP10044"))
        #expect(read == created)
        #expect(read.contactName == "Ana Pérez" && read.priority == "high" && read.relatedTicket == "OP10001")
        #expect(read.state == .waitingOnSupport && read.updatedAt == Clock.start && read.closedAt == nil)
        #expect(try store.summary(number: "OP99999") == nil)
        #expect(throws: StoreError.self) {
            try store.createTicket(NewTicket(number: "OP10044", subject: "again", organization: nil, contactAddress: "x@y.z",
                                             department: "Soporte", category: "Soporte", createdAt: Clock.start))
        }
    }

    @Test func stateChangesMaintainTimestamps() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let number = try store.makeTicket().number
        try store.setState(number: number, state: .answered, at: Clock.at(minutes: 10))
        var ticket = try #require(try store.summary(number: number))
        #expect(ticket.state == .answered && ticket.answeredAt == Clock.at(minutes: 10) && ticket.updatedAt == Clock.at(minutes: 10))

        try store.setState(number: number, state: .closed, at: Clock.at(minutes: 20))
        try store.setState(number: number, state: .closed, at: Clock.at(minutes: 25))
        ticket = try #require(try store.summary(number: number))
        #expect(ticket.closedAt == Clock.at(minutes: 20), "closing a closed ticket keeps the first close time")
        #expect(ticket.answeredAt == Clock.at(minutes: 10) && ticket.updatedAt == Clock.at(minutes: 25))
        #expect(try store.ticket(number: number)?.closedAt == Clock.at(minutes: 20))

        try store.setState(number: number, state: .waitingOnSupport, at: Clock.at(minutes: 30))
        ticket = try #require(try store.summary(number: number))
        #expect(ticket.state == .waitingOnSupport && ticket.closedAt == nil, "reopening clears closed_at")

        try store.touch(number: number, at: Clock.at(minutes: 40))
        #expect(try store.summary(number: number)?.updatedAt == Clock.at(minutes: 40))
        #expect(throws: StoreError.self) { try store.setState(number: "OP1", state: .closed, at: Clock.start) }
        #expect(throws: StoreError.self) { try store.touch(number: "OP1", at: Clock.start) }
    }

    @Test func firstResponseIsRecordedOnce() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let number = try store.makeTicket().number
        try store.recordFirstResponse(number: number, at: Clock.at(minutes: 5))
        try store.recordFirstResponse(number: number, at: Clock.at(minutes: 50))
        #expect(try store.summary(number: number)?.firstResponseAt == Clock.at(minutes: 5))
        do {
            try store.recordFirstResponse(number: "OP404", at: Clock.start)
            Issue.record("an unknown ticket must be reported")
        } catch {
            #expect(error.kind == .notFound && error.description.contains("ticket OP404 does not exist"))
        }
    }

    @Test func openTicketCountCountsWaitingAndAnsweredOfThatOrganization() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let waiting = try store.makeTicket(organization: "Andina").number
        let answered = try store.makeTicket(organization: "Andina").number
        let closed = try store.makeTicket(organization: "Andina").number
        try store.makeTicket(organization: "Boreal")
        try store.setState(number: answered, state: .answered, at: Clock.start)
        try store.setState(number: closed, state: .closed, at: Clock.start)
        #expect(try store.openTicketCount(organization: "Andina") == 2)
        #expect(try store.openTicketCount(organization: "Boreal") == 1)
        #expect(try store.openTicketCount(organization: "Nadie") == 0)
        _ = waiting
    }

    @Test func listsFilterByStateAndOrganization() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let a = try store.makeTicket(organization: "Andina", at: Clock.at(minutes: 0)).number
        let b = try store.makeTicket(organization: "Boreal", at: Clock.at(minutes: 1)).number
        let c = try store.makeTicket(organization: "Andina", at: Clock.at(minutes: 2)).number
        try store.setState(number: c, state: .answered, at: Clock.at(minutes: 60))
        try store.addIncoming(to: a, messageID: "m1@x")
        try store.addIncoming(to: a, messageID: "m2@x")
        #expect(try store.tickets().map(\.number) == [a, b, c])
        #expect(try store.tickets(organization: "Andina").map(\.number) == [a, c])
        #expect(try store.tickets(state: .answered).map(\.number) == [c])
        #expect(try store.tickets(state: .waitingOnSupport, organization: "Andina").map(\.number) == [a])
        #expect(try store.tickets().first?.messageCount == 2)
        #expect(try store.answeredTickets(idleSince: Clock.at(minutes: 59)).isEmpty)
        #expect(try store.answeredTickets(idleSince: Clock.at(minutes: 60)).map(\.number) == [c])
    }
}
