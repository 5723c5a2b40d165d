import Foundation
import Testing
@testable import BuzonStore

/// The gateway's contract: one message, one transaction, all or nothing.
@Suite struct TransactionTests {
    struct CrashMidway: Error {}

    /// The writes the gateway makes for a new ticket, in its order; throws after `failAfter` steps.
    private func handleMessage(_ store: TicketStore, key: String, failAfter: Int?) throws -> String {
        var step = 0
        func reached() throws { step += 1; if step == failAfter { throw CrashMidway() } }
        return try store.transaction {
            let number = try store.allocateTicketNumber(prefix: "OP", first: 10000)
            try store.createTicket(NewTicket(number: number, subject: "s", organization: "Andina", contactAddress: "ana@andina.cl",
                                             department: "Soporte", category: "Soporte", createdAt: Clock.start)); try reached()
            let row = try store.addIncoming(to: number, messageID: "\(key)@x", raw: Array(key.utf8)); try reached()
            try store.addAttachment(messageRowID: row, filename: "a.txt", contentType: "text/plain", data: Array(key.utf8),
                                    inline: false, contentID: nil); try reached()
            try store.addEvent(ticket: number, type: .created, at: Clock.start); try reached()
            _ = try store.queue(to: ["ana@andina.cl"], ticket: number, messageID: "ack-\(key)@x"); try reached()
            try store.recordProcessed(dedupeKey: key, ticketNumber: number, mailbox: "soporte", outcome: "created", at: Clock.start); try reached()
            try store.saveMailboxState(name: "soporte", uidValidity: 1, lastUID: 7, at: Clock.start); try reached()
            return number
        }
    }

    private func rowCounts(_ store: TicketStore) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["tickets", "messages", "raw_messages", "attachments", "events", "outbox", "automatic_recipients",
                      "processed_messages", "mailbox_state", "messages_fts"] {
            counts[table] = try store.database.queryFirst("SELECT count(*) FROM \(table)") { $0.int(0) }
        }
        return counts
    }

    @Test(arguments: 1...7)
    func aThrowAtAnyStepLeavesNothing(failAfter: Int) throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let empty = try rowCounts(store)
        #expect(throws: CrashMidway.self) { try handleMessage(store, key: "k1", failAfter: failAfter) }
        #expect(try rowCounts(store) == empty)
        #expect(try store.knownMessage(dedupeKey: "k1") == nil)
        #expect(try store.outboxDepth() == 0)
        #expect(!store.database.isInTransaction)

        // The same message handled again commits everything, as if the crash never happened.
        let number = try handleMessage(store, key: "k1", failAfter: nil)
        let counts = try rowCounts(store)
        #expect(counts.values.allSatisfy { $0 == 1 }, "\(counts)")
        #expect(try store.knownMessage(dedupeKey: "k1")?.ticketNumber == number)
    }

    @Test func aSQLErrorMidwayRollsBackTheEarlierWrites() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let number = try handleMessage(store, key: "k1", failAfter: nil)
        #expect(throws: StoreError.self) {
            try store.transaction {
                try store.addEvent(ticket: number, type: .customerReplied, at: Clock.start)
                try store.recordProcessed(dedupeKey: "k1", ticketNumber: number, mailbox: "soporte", outcome: "x", at: Clock.start)
            }
        }
        #expect(try store.ticketDetail(number: number)?.events.count == 1)
    }
}
