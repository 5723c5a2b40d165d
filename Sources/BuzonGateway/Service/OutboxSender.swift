import Foundation
import BuzonConfig
import BuzonTransport
import BuzonStore

/// Sends what the outbox holds, oldest first, with retries.
///
/// Retry rules: a temporary failure (network, SMTP 4xx, authentication) schedules the next
/// attempt after a capped exponential backoff and gives up after `maxAttempts`; a permanent
/// failure (SMTP 5xx) fails the message at once. Either way a failure is recorded on the
/// ticket's timeline. A message is marked sent right after the server accepted it; a crash
/// between the two can send it once more (at-least-once, never lost).
///
/// Several senders may share one database (two daemons, `deliver --send` next to `run`): each
/// claims a few due messages in a write transaction before sending them (`claimDueOutbox`), so
/// no two send the same one. The claim is a lease of `claimLease` seconds; a sender that dies
/// holding one leaves those messages to be sent by another once it expires — at once when the
/// holder ran on this machine and is known to be dead (`OutboxClaimant`: a SIGKILLed daemon
/// must not make its customers wait for the lease). Claims are taken `claimBatch` at a time so
/// the lease covers the batch even on a slow server, and what a drain did not get to (SMTP
/// down, stop requested) is given back at once.
public final class OutboxSender {
    let store: TicketStore
    let sender: MailSender
    let backoff: Backoff
    let maxAttempts: Int
    let clock: @Sendable () -> Date
    let logger: Logger
    let metrics: GatewayMetrics?
    /// Who this sender is in `outbox.claimed_by` (`OutboxClaimant.text`).
    let claimant: String
    private let identity: OutboxClaimant
    let claimLease: TimeInterval
    let claimBatch: Int

    public init(store: TicketStore, sender: MailSender, backoff: Backoff, maxAttempts: Int,
                clock: @escaping @Sendable () -> Date = Date.init, logger: Logger, metrics: GatewayMetrics? = nil,
                claimLease: TimeInterval = 600, claimBatch: Int = 20) {
        identity = OutboxClaimant.current()
        claimant = identity.text
        self.claimLease = claimLease
        self.claimBatch = max(1, claimBatch)
        self.store = store
        self.sender = sender
        self.backoff = backoff
        self.maxAttempts = maxAttempts
        self.clock = clock
        self.logger = logger.with(("component", "outbox"))
        self.metrics = metrics
    }

    /// A sender with the retry rules of `[smtp]` (`retry_base_seconds` … `retry_max_seconds`,
    /// `max_attempts`): the daemon's and `deliver --send`'s, built the same way.
    public convenience init(store: TicketStore, sender: MailSender, smtp: SMTPConfig,
                            clock: @escaping @Sendable () -> Date = Date.init, logger: Logger, metrics: GatewayMetrics? = nil) {
        self.init(store: store, sender: sender,
                  backoff: Backoff(base: TimeInterval(smtp.retryBaseSeconds), maximum: TimeInterval(smtp.retryMaxSeconds)),
                  maxAttempts: smtp.maxAttempts, clock: clock, logger: logger, metrics: metrics)
    }

    public struct Report: Sendable, Hashable {
        public var sent = 0
        public var retried = 0
        public var failed = 0
        /// Mail was due but the SMTP server could not be reached (or no sender could be built).
        public var unreachable = false
        public init(sent: Int = 0, retried: Int = 0, failed: Int = 0, unreachable: Bool = false) {
            self.sent = sent
            self.retried = retried
            self.failed = failed
            self.unreachable = unreachable
        }
    }

    /// Sends every due message (claimed `claimBatch` at a time) until none is due or the SMTP
    /// server is unreachable (no point hammering it: the rest wait for the next round).
    @discardableResult
    public func drain(shouldStop: () -> Bool = { false }) throws -> Report {
        var report = Report()
        try reclaimFromDeadSenders()
        while !shouldStop() {
            let claimed = try store.claimDueOutbox(now: clock(), limit: claimBatch, claimant: claimant, lease: claimLease)
            if claimed.isEmpty { break }
            var serverDown = false
            var index = 0
            defer {
                // What this drain did not get to is due again at once, for any sender.
                let unsent = claimed[index...].map(\.id)
                if !unsent.isEmpty { try? store.releaseClaims(ids: unsent, claimant: claimant) }
            }
            while index < claimed.count, !shouldStop(), !serverDown {
                let outcome = try send(claimed[index])
                index += 1
                switch outcome {
                case .sent: report.sent += 1
                case .retry(let network):
                    report.retried += 1
                    serverDown = network
                case .failed: report.failed += 1
                }
            }
            if serverDown {
                report.unreachable = true
                break
            }
        }
        return report
    }

    /// Takes back the claims of senders on this machine that are known to be dead, so the
    /// notices they held go out now rather than when their lease runs out.
    private func reclaimFromDeadSenders() throws {
        for holder in try store.outboxClaimants(now: clock()) where holder != claimant {
            guard let other = OutboxClaimant(parsing: holder), other.isKnownDead(seenFrom: identity) else { continue }
            let count = try store.releaseClaims(of: holder)
            logger.info("outbox.claims_reclaimed", [("from", holder), ("messages", String(count))])
        }
    }

    private enum Outcome { case sent, retry(network: Bool), failed }

    private func send(_ entry: OutboxEntry) throws -> Outcome {
        let message = entry.message
        let envelope = Envelope(from: message.envelopeFrom, recipients: message.recipients)
        let fields: [(String, String?)] = [("outbox_id", String(entry.id)), ("ticket", message.ticketNumber),
                                           ("template", message.template), ("message_id", message.messageID)]
        do {
            try sender.send(envelope, message: message.bytes)
        } catch {
            metrics?.recordOutboxFailure()
            let attempts = entry.attempts + 1
            if error.isTemporary && attempts < maxAttempts {
                let next = clock().addingTimeInterval(backoff.delay(afterFailures: attempts))
                try store.markRetry(id: entry.id, error: error.description, nextAttemptAt: next)
                logger.warning("outbox.retry", fields + [("attempt", String(attempts)), ("next_attempt", ISO8601.string(from: next)),
                                                         ("error", error.description)])
                return .retry(network: error.kind == .network)
            }
            let why = error.isTemporary ? "gave up after \(attempts) attempts: \(error)" : "refused: \(error)"
            try store.transaction {
                try store.markFailed(id: entry.id, error: why, at: clock())
                if let number = message.ticketNumber {
                    try store.addEvent(ticket: number, type: .noticeFailed, at: clock(),
                                       detail: "\(message.template) to \(message.recipients.joined(separator: ", ")): \(why)")
                }
            }
            logger.error("outbox.failed", fields + [("error", why)])
            return .failed
        }
        try store.transaction {
            try store.markSent(id: entry.id, at: clock())
            if let number = message.ticketNumber {
                try store.addEvent(ticket: number, type: .noticeSent, at: clock(),
                                   detail: "\(message.template) to \(message.recipients.joined(separator: ", "))")
            }
        }
        metrics?.recordOutboxSent()
        logger.info("outbox.sent", fields + [("to", message.recipients.joined(separator: ","))])
        return .sent
    }
}
