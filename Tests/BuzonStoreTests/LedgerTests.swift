import Foundation
import Testing
@testable import BuzonStore

@Suite struct LedgerTests {
    @Test func heldMessagesListWithoutRawAndReadWithIt() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let raw = Array("From: desconocido@x.com\r\n\r\nhola\r\n".utf8)
        let id = try store.hold(HeldMessage(mailbox: "soporte", fromAddress: "desconocido@x.com", subject: "Hola",
                                            reason: "unknown sender", raw: raw, receivedAt: Clock.at(minutes: 1)))
        let list = try store.heldMessages()
        #expect(list.map(\.id) == [id] && list[0].message.raw.isEmpty && list[0].message.reason == "unknown sender")
        let held = try #require(try store.heldMessage(id: id))
        #expect(held.message == HeldMessage(mailbox: "soporte", fromAddress: "desconocido@x.com", subject: "Hola",
                                            reason: "unknown sender", raw: raw, receivedAt: Clock.at(minutes: 1)))
        try store.removeHeld(id: id)
        #expect(try store.heldMessages().isEmpty && store.heldMessage(id: id) == nil)
        #expect(throws: StoreError.self) { try store.removeHeld(id: id) }
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
