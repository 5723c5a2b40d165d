import BuzonTickets
import Foundation
import Testing
@testable import BuzonStore

@Suite struct LookupTests {
    @Test func knownMessageComesFromTheProcessedLedger() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let number = try store.makeTicket().number
        #expect(try store.knownMessage(dedupeKey: "k1") == nil)
        try store.recordProcessed(dedupeKey: "k1", ticketNumber: number, mailbox: "soporte", outcome: "created", at: Clock.start)
        try store.recordProcessed(dedupeKey: "k2", ticketNumber: nil, mailbox: "ventas", outcome: "rejected", at: Clock.start)
        #expect(try store.knownMessage(dedupeKey: "k1") == KnownMessage(ticketNumber: number, mailbox: "soporte"))
        #expect(try store.knownMessage(dedupeKey: "k2") == KnownMessage(ticketNumber: nil, mailbox: "ventas"))
        #expect(throws: StoreError.self, "the same key twice is a bug in the caller") {
            try store.recordProcessed(dedupeKey: "k1", ticketNumber: nil, mailbox: "soporte", outcome: "x", at: Clock.start)
        }
        #expect(throws: StoreError.self) {
            try store.recordProcessed(dedupeKey: "k3", ticketNumber: "OP1", mailbox: "soporte", outcome: "x", at: Clock.start)
        }
    }

    @Test func ticketByMessageIDFindsIncomingOutgoingAndQueuedMessages() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let old = try store.makeTicket().number
        let new = try store.makeTicket().number
        try store.addIncoming(to: old, messageID: "first@andina.cl")
        try store.addMessage(MessageRecord(ticketNumber: new, direction: .outgoing, author: .staff, fromAddress: "luis@empresa.com",
                                           messageID: "answer@empresa.com", subject: "Re", reply: "listo", body: "listo",
                                           receivedAt: Clock.start))
        _ = try store.queue(to: ["ana@andina.cl"], ticket: old, messageID: "ack-\(old)@empresa.com")
        try store.addIncoming(to: new, messageID: "shared@andina.cl")
        try store.addIncoming(to: old, messageID: "shared@andina.cl")

        #expect(try store.ticket(referencingMessageIDs: ["first@andina.cl"])?.number == old)
        #expect(try store.ticket(referencingMessageIDs: ["nope@x", "answer@empresa.com"])?.number == new)
        #expect(try store.ticket(referencingMessageIDs: ["ack-\(old)@empresa.com"])?.number == old)
        #expect(try store.ticket(referencingMessageIDs: ["shared@andina.cl"])?.number == new, "the most recent ticket wins")
        #expect(try store.ticket(referencingMessageIDs: ["first@andina.cl", "answer@empresa.com"])?.number == new)
        #expect(try store.ticket(referencingMessageIDs: ["unknown@x"]) == nil)
        #expect(try store.ticket(referencingMessageIDs: []) == nil)
        let snapshot = try #require(try store.ticket(number: old))
        #expect(snapshot == TicketSnapshot(number: old, organization: "Andina", contact: "ana@andina.cl", state: .waitingOnSupport,
                                           participants: ["ana@andina.cl"]))
        #expect(try store.ticket(referencingMessageIDs: ["first@andina.cl"])?.participants == ["ana@andina.cl"],
                "customers who wrote to the ticket are its participants; staff are not")
    }

    @Test func automaticMessagesCountPerRecipientSinceADate() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        _ = try store.queue(to: ["Ana@Andina.cl", "jefe@andina.cl"], at: Clock.at(minutes: 0))
        _ = try store.queue(to: ["ana@andina.cl"], at: Clock.at(minutes: 30))
        _ = try store.queue(to: ["ana@andina.cl"], automatic: false, at: Clock.at(minutes: 31))
        let sent = try store.queue(to: ["ana@andina.cl"], at: Clock.at(minutes: 40))
        try store.markSent(id: sent, at: Clock.at(minutes: 41))
        #expect(try store.automaticMessagesSent(to: "ana@andina.cl", since: Clock.at(minutes: 0)) == 3)
        #expect(try store.automaticMessagesSent(to: "ANA@andina.cl", since: Clock.at(minutes: 1)) == 2)
        #expect(try store.automaticMessagesSent(to: "jefe@andina.cl", since: Clock.at(minutes: 0)) == 1)
        #expect(try store.automaticMessagesSent(to: "otro@andina.cl", since: Clock.at(minutes: 0)) == 0)
        #expect(try store.automaticMessagesSent(to: "ana@andina.cl", since: Clock.at(minutes: 41)) == 0)
    }
}
