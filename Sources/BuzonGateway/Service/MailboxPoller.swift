import Foundation
import BuzonTransport
import BuzonStore

/// Polls one IMAP mailbox: finds unprocessed mail, hands each message to the processor,
/// and marks it on the server.
///
/// Contract, the heart of "nothing lost, nothing doubled": a message is marked (seen, moved
/// or deleted, per `after`) only AFTER the processor's transaction committed. A crash between
/// commit and mark leaves the message unmarked; the next poll fetches it again and the dedupe
/// ledger turns it into a duplicate, which is then marked. Reading never sets `\Seen`
/// (`BODY.PEEK[]`).
///
/// A message the processor cannot record (a bug, a store that refuses it) is retried on the
/// next polls; after `maxProcessingAttempts` failures it is moved to the dead-letter folder
/// with a log line and a counter, never deleted, and the messages behind it go on.
public final class MailboxPoller {
    public let mailbox: MailboxConfig
    let client: MailboxClient
    let processor: MessageProcessor
    let store: TicketStore
    let deadLetterFolder: String
    let maxProcessingAttempts: Int
    let logger: Logger
    let metrics: GatewayMetrics?
    /// Failed processing attempts per UID (in memory: a restart gives a message new chances).
    private var failures: [UInt32: Int] = [:]

    public init(mailbox: MailboxConfig, client: MailboxClient, processor: MessageProcessor, store: TicketStore,
                deadLetterFolder: String, maxProcessingAttempts: Int = 3, logger: Logger, metrics: GatewayMetrics? = nil) {
        self.mailbox = mailbox
        self.client = client
        self.processor = processor
        self.store = store
        self.deadLetterFolder = deadLetterFolder
        self.maxProcessingAttempts = maxProcessingAttempts
        self.logger = logger.with(("mailbox", mailbox.name))
        self.metrics = metrics
    }

    public struct Report: Sendable, Hashable {
        public var fetched = 0
        public var processed = 0
        public var deadLettered = 0
        public var failed = 0
    }

    /// One poll. Throws only for transport errors (server down, login refused): the caller
    /// backs off. Messages are handled oldest first, in batches of `batch_size`.
    public func poll(shouldStop: () -> Bool = { false }) throws -> Report {
        var report = Report()
        let status = try client.open()
        let saved = try store.mailboxState(name: mailbox.name)
        var lastUID = UInt32(clamping: saved?.lastUID ?? 0)
        if let known = saved?.uidValidity, known != Int64(status.uidValidity) {
            // RFC 3501 §2.3.1.1: a new UIDVALIDITY invalidates every stored UID. Rescan from
            // the start; the dedupe ledger makes already-recorded messages harmless duplicates.
            logger.warning("mailbox.uidvalidity_changed", [("old", String(known)), ("new", String(status.uidValidity))])
            lastUID = 0
            failures.removeAll()
        }
        try store.saveMailboxState(name: mailbox.name, uidValidity: Int64(status.uidValidity), lastUID: Int64(lastUID), at: Date())
        let unseenOnly: Bool = if case .seen = mailbox.after { true } else { false }
        let uids = try client.search(afterUID: lastUID, unseenOnly: unseenOnly)
        // The saved UID only moves past a message once every earlier one is finished, so a
        // message left for a retry is searched again on the next poll.
        var blocked = false
        for batch in stride(from: 0, to: uids.count, by: mailbox.batchSize).map({ Array(uids[$0..<min($0 + mailbox.batchSize, uids.count)]) }) {
            if shouldStop() { break }
            let messages = try client.fetch(uids: batch, maxBytes: mailbox.maxMessageBytes)
            report.fetched += messages.count
            let outcomes = try processor.processBatch(
                messages.map { MessageProcessor.Item(raw: $0.bytes, truncatedFrom: $0.truncated ? $0.size : nil, uid: $0.uid) },
                mailbox: mailbox)
            var committed: [UInt32] = []
            var candidateLastUID = lastUID
            for (fetched, outcome) in zip(messages, outcomes) {
                let finished = try finish(fetched, outcome, report: &report)
                if case .success = outcome { committed.append(fetched.uid) }
                blocked = blocked || !finished
                if finished && !blocked { candidateLastUID = max(candidateLastUID, fetched.uid) }
            }
            // Only now, with their tickets committed, may the server forget the messages:
            // one command for the batch. If it fails (connection lost), the saved UID stays
            // where it was; the batch is fetched again and recognised as duplicates.
            try client.mark(uids: committed, as: mailbox.after)
            lastUID = candidateLastUID
            try store.saveMailboxState(name: mailbox.name, uidValidity: Int64(status.uidValidity), lastUID: Int64(lastUID), at: Date())
            if shouldStop() { break }
        }
        return report
    }

    /// Drops the connection (after a failed poll); the next poll reconnects.
    public func disconnect() { client.close() }

    /// Counts one message's outcome and dead-letters a message that failed too often; true
    /// when the message is finished with (committed, to be marked, or dead-lettered).
    private func finish(_ fetched: FetchedMessage, _ outcome: Swift.Result<MessageProcessor.Result, Error>,
                        report: inout Report) throws -> Bool {
        let uid = String(fetched.uid)
        switch outcome {
        case .success(let result):
            report.processed += 1
            failures[fetched.uid] = nil
            logger.debug("message.committed", [("uid", uid), ("ticket", result.ticketNumber)])
        case .failure(let error):
            let attempts = (failures[fetched.uid] ?? 0) + 1
            failures[fetched.uid] = attempts
            report.failed += 1
            logger.error("message.failed", [("uid", uid), ("attempt", String(attempts)), ("error", "\(error)")])
            guard attempts >= maxProcessingAttempts else { return false }
            try client.mark(uid: fetched.uid, as: .move(folder: deadLetterFolder))
            try store.incrementDeadLetters(name: mailbox.name)
            metrics?.recordDeadLetter(mailbox: mailbox.name)
            report.deadLettered += 1
            failures[fetched.uid] = nil
            logger.error("message.dead_lettered", [("uid", uid), ("folder", deadLetterFolder), ("error", "\(error)")])
            return true
        }
        return true
    }
}
