import Foundation
import Testing
@testable import BuzonStore

@Suite struct LedgerTests {
    @Test func keptMessagesListWithoutRawAndReadWithIt() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let raw = Array("From: desconocido@x.com\r\n\r\nhola\r\n".utf8)
        let kept = KeptMessage(mailbox: "soporte", fromAddress: "desconocido@x.com", subject: "Hola",
                               reasonCode: "unknown_sender", detail: "", raw: raw, receivedAt: Clock.at(minutes: 1))
        let id = try store.keep(kept)
        var rejected = kept
        rejected.disposition = .rejected
        rejected.receivedAt = Clock.at(minutes: 2)
        let rejectedID = try store.keep(rejected)
        let list = try store.heldMessages()
        #expect(list.map(\.id) == [id] && list[0].message.raw.isEmpty && list[0].message.reasonCode == "unknown_sender")
        #expect(try store.keptMessages(.rejected).map(\.id) == [rejectedID])
        #expect(try store.keptMessages().map(\.id) == [id, rejectedID])
        #expect(try store.keptCounts() == [.held: 1, .rejected: 1])
        #expect(try store.keptMessage(id: id)?.message == kept)
        #expect(try store.keptMessage(id: rejectedID)?.message == rejected)
        try store.removeKept(id: id)
        #expect(try store.heldMessages().isEmpty && store.keptMessage(id: id) == nil)
        #expect(throws: StoreError.self) { try store.removeKept(id: id) }
        #expect(try store.keptCounts() == [.held: 0, .rejected: 1])
    }

    @Test func mailboxStateTracksPositionErrorsAndDeadLetters() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        #expect(try store.mailboxState(name: "soporte") == nil)
        try store.recordPollError(name: "soporte", error: "connection refused", at: Clock.at(minutes: 1))
        var state = try #require(try store.mailboxState(name: "soporte"))
        #expect(state.lastUID == 0 && state.uidValidity == nil && state.lastError == "connection refused")

        try store.saveMailboxState(name: "soporte", uidValidity: 1234, lastUID: 57, at: Clock.at(minutes: 2))
        try store.incrementDeadLetters(name: "soporte")
        try store.incrementDeadLetters(name: "soporte")
        try store.recordPollError(name: "soporte", error: "timeout", at: Clock.at(minutes: 3))
        state = try #require(try store.mailboxState(name: "soporte"))
        #expect(state == MailboxState(name: "soporte", uidValidity: 1234, lastUID: 57, lastPollAt: Clock.at(minutes: 3),
                                      lastError: "timeout", deadLetters: 2))
        try store.saveMailboxState(name: "soporte", uidValidity: 1234, lastUID: 60, at: Clock.at(minutes: 4))
        state = try #require(try store.mailboxState(name: "soporte"))
        #expect(state.lastError == nil && state.lastUID == 60 && state.deadLetters == 2)
        try store.incrementDeadLetters(name: "ventas")
        #expect(try store.mailboxState(name: "ventas")?.deadLetters == 1)
    }
}
