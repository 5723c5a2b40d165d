import Testing
import Synchronization
import Foundation
import BuzonMIME
import BuzonStore
import BuzonTransport
@testable import BuzonGateway
@testable import BuzonTesting

/// The outbox: sending, retrying with backoff on the manual clock, giving up, and not
/// hammering a server that is down. SMTP config: retry base 60 s, max 3600 s, 3 attempts.
@Suite struct OutboxSenderTests {
    static let tempfail = TransportError(.temporaryRejection, operation: "SMTP send", message: "451 try later", code: 451)
    static let refused = TransportError(.permanentRejection, operation: "SMTP send", message: "550 no such user", code: 550)
    static let down = TransportError(.network, operation: "SMTP connect", message: "connection refused", code: 7)

    private func deskWithOneAcknowledgement() throws -> (TestDesk, Int64) {
        let desk = try TestDesk()
        try desk.receive(Mails.anaRequest())
        let id = try #require(try desk.outbox().first?.id)
        return (desk, id)
    }

    private func entry(_ desk: TestDesk, _ id: Int64) throws -> OutboxEntry {
        try #require(try desk.store.outboxEntry(id: id))
    }

    @Test func sentMessageIsMarkedAndOnTheTimeline() throws {
        let (desk, id) = try deskWithOneAcknowledgement()
        let report = try desk.makeOutboxSender().drain()

        #expect(report == OutboxSender.Report(sent: 1, retried: 0, failed: 0))
        #expect(try entry(desk, id).status == .sent)
        #expect(try entry(desk, id).sentAt == desk.clock.now)
        let sent = try #require(desk.sender.sent.first)
        #expect(sent.envelope.recipients == ["ana@andina.cl"])
        #expect(sent.envelope.from == "soporte@empresa.com")
        #expect(MessageParser().parse(sent.message).subject.contains("[OP10044]"))
        let events = try desk.events("OP10044", .noticeSent)
        #expect(events.count == 1)
        #expect(events.first?.detail.contains("acknowledgement to ana@andina.cl") == true)
        // Nothing left: a second drain sends nothing.
        #expect(try desk.makeOutboxSender().drain().sent == 0)
        #expect(desk.sender.attempts == 1)
    }

    @Test func temporaryFailureIsRetriedAfterTheBackoff() throws {
        let (desk, id) = try deskWithOneAcknowledgement()
        let outbox = desk.makeOutboxSender()
        let start = desk.clock.now
        desk.sender.failNext(with: Self.tempfail)

        #expect(try outbox.drain() == OutboxSender.Report(sent: 0, retried: 1, failed: 0))
        let waiting = try entry(desk, id)
        #expect(waiting.status == .queued)
        #expect(waiting.attempts == 1)
        #expect(waiting.lastError?.contains("451") == true)
        #expect(abs(waiting.message.nextAttemptAt.timeIntervalSince(start) - 60) < 0.001)
        #expect(desk.log.count(event: "outbox.retry") == 1)

        // Not due yet: no attempt.
        desk.clock.advance(by: 59)
        #expect(try outbox.drain().sent == 0)
        #expect(desk.sender.attempts == 1)
        desk.clock.advance(by: 1)
        #expect(try outbox.drain().sent == 1)
        #expect(desk.sender.attempts == 2)
        #expect(try entry(desk, id).status == .sent)
        #expect(try desk.events("OP10044", .noticeSent).count == 1)
    }

    @Test func temporaryFailuresGiveUpAfterMaxAttemptsWithDoublingDelays() throws {
        let (desk, id) = try deskWithOneAcknowledgement()
        let outbox = desk.makeOutboxSender()
        desk.sender.failAlways(with: Self.tempfail)

        try outbox.drain()
        var last = try entry(desk, id)
        #expect(abs(last.message.nextAttemptAt.timeIntervalSince(desk.clock.now) - 60) < 0.001)
        desk.clock.advance(by: 60)
        try outbox.drain()
        last = try entry(desk, id)
        #expect(last.attempts == 2)
        #expect(abs(last.message.nextAttemptAt.timeIntervalSince(desk.clock.now) - 120) < 0.001)
        desk.clock.advance(by: 120)
        #expect(try outbox.drain() == OutboxSender.Report(sent: 0, retried: 0, failed: 1))

        last = try entry(desk, id)
        #expect(last.status == .failed)
        #expect(last.attempts == 3)
        #expect(desk.sender.attempts == 3)
        let failed = try desk.events("OP10044", .noticeFailed)
        #expect(failed.count == 1)
        #expect(failed.first?.detail.contains("gave up after 3 attempts") == true)
        // Failed for good: later drains leave it alone.
        desk.clock.advance(by: 86_400)
        try outbox.drain()
        #expect(desk.sender.attempts == 3)
    }

    @Test func permanentFailureFailsAtOnce() throws {
        let (desk, id) = try deskWithOneAcknowledgement()
        desk.sender.failNext(with: Self.refused)
        #expect(try desk.makeOutboxSender().drain() == OutboxSender.Report(sent: 0, retried: 0, failed: 1))
        let failed = try entry(desk, id)
        #expect(failed.status == .failed)
        #expect(failed.attempts == 1)
        #expect(failed.lastError?.contains("550") == true)
        let events = try desk.events("OP10044", .noticeFailed)
        #expect(events.count == 1)
        #expect(events.first?.detail.contains("refused") == true)
        #expect(desk.log.count(event: "outbox.failed") == 1)
    }

    @Test func serverDownStopsTheRoundWithoutHammering() throws {
        let desk = try TestDesk()
        for index in 1...3 { try desk.receive(Mails.request(index, from: "cliente\(index)@andina.cl")) }
        #expect(try desk.outbox().count == 3)
        desk.sender.failAlways(with: Self.down)

        #expect(try desk.makeOutboxSender().drain() == OutboxSender.Report(sent: 0, retried: 1, failed: 0, unreachable: true))
        #expect(desk.sender.attempts == 1)
        #expect(try desk.outbox().map(\.attempts) == [1, 0, 0])

        // Once the server is back and the first one's backoff has passed, all three go.
        desk.sender.clearFaults()
        desk.clock.advance(by: 60)
        #expect(try desk.makeOutboxSender().drain().sent == 3)
        #expect(try desk.outbox(template: "acknowledgement").allSatisfy { $0.status == .sent })
    }

    /// Issue #10 item 9: senders in two processes share one database. Here two connections on
    /// two threads drain the same outbox at once: every notice is sent exactly once.
    @Test func twoSendersOnOneDatabaseSendEachMessageOnce() throws {
        let desk = try TestDesk()
        for index in 1...60 { try desk.receive(Mails.request(index, from: "cliente\(index)@andina.cl")) }
        let config = desk.runtime.config
        let smtp = config.smtp
        let clock = desk.clock
        // Each sender is used by one thread only.
        nonisolated(unsafe) let senders = try (0..<2).map { _ in
            OutboxSender(store: try TicketStore(databasePath: config.database, attachmentsDirectory: config.attachmentsDirectory),
                         sender: desk.sender, backoff: Backoff(base: 60, maximum: 3600), maxAttempts: smtp.maxAttempts,
                         clock: { clock.now }, logger: desk.logger, claimBatch: 3)
        }
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do { try senders[index].drain() } catch { failures.withLock { $0.append("\(error)") } }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        let recipients = desk.sender.sent.flatMap(\.envelope.recipients)
        #expect(recipients.count == 60 && Set(recipients).count == 60, "\(recipients.count) sent for 60 notices")
        #expect(try desk.outbox().allSatisfy { $0.status == .sent })
    }

    /// A drain that stops early (server down) gives back what it claimed but did not try, so
    /// another sender (or the next round) sends it at once instead of after the lease.
    @Test func aDrainStoppedByAServerOutageGivesBackItsClaims() throws {
        let desk = try TestDesk()
        for index in 1...3 { try desk.receive(Mails.request(index, from: "cliente\(index)@andina.cl")) }
        desk.sender.failAlways(with: Self.down)
        #expect(try desk.makeOutboxSender().drain() == OutboxSender.Report(sent: 0, retried: 1, failed: 0, unreachable: true))
        let ids = try desk.outbox().map(\.id)
        #expect(try ids.allSatisfy { try desk.store.outboxClaimant(id: $0, now: desk.clock.now) == nil })
        desk.sender.clearFaults()
        #expect(try desk.makeOutboxSender().drain().sent == 2, "the two not tried are due at once; the failed one after its backoff")
    }
}
