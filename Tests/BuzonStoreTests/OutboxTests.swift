import Foundation
import Testing
@testable import BuzonStore

@Suite struct OutboxTests {
    @Test func queuedMessageRoundTripsAndIsDueOldestFirst() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let number = try store.makeTicket().number
        let message = OutboxMessage(ticketNumber: number, template: "acknowledgement", envelopeFrom: "soporte@empresa.com",
                                    recipients: ["ana@andina.cl", "jefe@andina.cl"], messageID: "ack@empresa.com",
                                    bytes: Array("Subject: Recibido\r\n\r\n".utf8), automatic: true,
                                    createdAt: Clock.at(minutes: 0), nextAttemptAt: Clock.at(minutes: 5))
        let later = try store.enqueue(message)
        let sooner = try store.queue(to: ["b@x"], at: Clock.at(minutes: 1))
        #expect(try store.outboxDepth() == 2)
        #expect(try store.dueOutbox(now: Clock.at(minutes: 4), limit: 10).map(\.id) == [sooner])
        #expect(try store.dueOutbox(now: Clock.at(minutes: 5), limit: 10).map(\.id) == [sooner, later])
        #expect(try store.dueOutbox(now: Clock.at(minutes: 5), limit: 1).map(\.id) == [sooner])
        let entry = try #require(try store.outboxEntry(id: later))
        #expect(entry.message == message && entry.status == .queued && entry.attempts == 0 && entry.lastError == nil && entry.sentAt == nil)
    }

    @Test func retryFailRequeueAndSendMoveTheStatus() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let id = try store.queue(to: ["ana@andina.cl"], at: Clock.start)
        try store.markRetry(id: id, error: "421 try later", nextAttemptAt: Clock.at(minutes: 10))
        var entry = try #require(try store.outboxEntry(id: id))
        #expect(entry.status == .queued && entry.attempts == 1 && entry.lastError == "421 try later")
        #expect(try store.dueOutbox(now: Clock.at(minutes: 9), limit: 10).isEmpty)

        try store.markFailed(id: id, error: "550 no such user", at: Clock.at(minutes: 10))
        entry = try #require(try store.outboxEntry(id: id))
        #expect(entry.status == .failed && entry.attempts == 2 && entry.lastError == "550 no such user")
        #expect(try store.outboxDepth() == 0)
        #expect(try store.outbox(status: .failed).map(\.id) == [id])
        #expect(throws: StoreError.self, "a failed message is not retried by the sender") {
            try store.markRetry(id: id, error: "x", nextAttemptAt: Clock.start)
        }

        try store.requeue(id: id, at: Clock.at(minutes: 20))
        entry = try #require(try store.outboxEntry(id: id))
        #expect(entry.status == .queued && entry.attempts == 0)
        #expect(try store.dueOutbox(now: Clock.at(minutes: 20), limit: 10).map(\.id) == [id])
        #expect(throws: StoreError.self, "only failed messages can be requeued") { try store.requeue(id: id, at: Clock.start) }

        try store.markSent(id: id, at: Clock.at(minutes: 21))
        entry = try #require(try store.outboxEntry(id: id))
        #expect(entry.status == .sent && entry.sentAt == Clock.at(minutes: 21) && entry.lastError == nil)
        #expect(try store.outbox(status: .sent).map(\.id) == [id])
        #expect(try store.outbox().count == 1)
        #expect(try store.outbox(status: .queued).isEmpty)
        #expect(throws: StoreError.self) { try store.markSent(id: 999, at: Clock.start) }
    }
}

/// Two senders on one database (issue #10 item 9): a due message is claimed by one of them only;
/// a claim is a lease, so a message claimed by a sender that died is due again after it.
@Suite struct OutboxClaimTests {
    @Test func aClaimedMessageIsNotDueForAnotherSenderUntilSentOrReleased() throws {
        let directory = try TemporaryDirectory()
        let first = try directory.openStore()
        let second = try directory.openStore()
        let ids = try (0..<3).map { try first.queue(to: ["c\($0)@andina.cl"], at: Clock.start) }
        let a = try first.claimDueOutbox(now: Clock.at(minutes: 1), limit: 2, claimant: "a", lease: 600)
        let b = try second.claimDueOutbox(now: Clock.at(minutes: 1), limit: 10, claimant: "b", lease: 600)
        #expect(a.map(\.id) == Array(ids.prefix(2)))
        #expect(b.map(\.id) == [ids[2]], "the second connection gets only what the first did not claim")
        #expect(try second.claimDueOutbox(now: Clock.at(minutes: 2), limit: 10, claimant: "b", lease: 600).isEmpty)
        #expect(try first.outboxClaimant(id: ids[0], now: Clock.at(minutes: 2)) == "a")

        try first.markSent(id: ids[0], at: Clock.at(minutes: 2))
        try first.releaseClaims(ids: [ids[1]], claimant: "a")
        #expect(try second.claimDueOutbox(now: Clock.at(minutes: 3), limit: 10, claimant: "b", lease: 600).map(\.id) == [ids[1]],
                "a released claim is due at once; a sent message never again")
    }

    @Test func aClaimOfADeadSenderExpiresAfterItsLease() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let id = try store.queue(to: ["ana@andina.cl"], at: Clock.start)
        #expect(try store.claimDueOutbox(now: Clock.start, limit: 10, claimant: "dead", lease: 600).map(\.id) == [id])
        #expect(try store.claimDueOutbox(now: Clock.at(minutes: 9), limit: 10, claimant: "alive", lease: 600).isEmpty)
        #expect(try store.claimDueOutbox(now: Clock.at(minutes: 10), limit: 10, claimant: "alive", lease: 600).map(\.id) == [id])
        try store.markRetry(id: id, error: "421", nextAttemptAt: Clock.at(minutes: 11))
        #expect(try store.outboxClaimant(id: id, now: Clock.at(minutes: 10)) == nil, "a retry ends the claim")
    }
}
