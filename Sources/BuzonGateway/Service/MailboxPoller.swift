import Foundation
import BuzonTransport
import BuzonStore
import BuzonConfig

/// Polls one IMAP mailbox: finds unprocessed mail, hands each message to the processor,
/// and marks it on the server.
///
/// Contract, the heart of "nothing lost, nothing doubled": a message is marked (seen, moved
/// or deleted, per `after`) only AFTER the processor's transaction committed. A crash between
/// commit and mark leaves the message unmarked; the next poll fetches it again and the dedupe
/// ledger turns it into a duplicate, which is then marked. Reading never sets `\Seen`
/// (`BODY.PEEK[]`).
///
/// What is work: every UID above the saved one (the UID ledger is the truth, not `\Seen`,
/// which a colleague sets by opening a message). Only while a mailbox is bootstrapped — no
/// ledger yet, or a new UIDVALIDITY — are messages already `\Seen` at that moment left alone
/// (with `after = "seen"`), so a desk's read history does not become tickets.
///
/// A message the processor cannot record (a bug, a store that refuses it) is retried on the
/// next polls; after `maxProcessingAttempts` failures it is moved to the dead-letter folder
/// with a log line and a counter, never deleted, and the messages behind it go on. A fault of
/// the machine (`StoreError.isEnvironmental`: full or read-only disk, locked database) is no
/// failure of the message: it is never counted, the message stays unmarked and the poll
/// throws so the mailbox backs off.
///
/// A message larger than `max_message_bytes` is stored in part and so is never deleted nor
/// moved anywhere that expunges: the server keeps the only whole copy (see `markOversized`).
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
        /// The poll stopped at its message budget with work left: poll again soon.
        public var more = false
    }

    /// One poll. Throws for transport errors (server down, login refused) and for
    /// environment faults of the store (`StoreError.isEnvironmental`: a full or read-only
    /// disk, a locked database): the caller backs the mailbox off; the messages stay on the
    /// server unmarked and no attempt is counted against them.
    ///
    /// Messages are handled oldest first, in batches of at most `batch_size` messages and
    /// `batch_bytes` bytes (a message larger than that is a batch alone), so memory follows
    /// the bytes in hand, not the backlog. Between two batches it calls `betweenBatches`
    /// (the daemon pings its watchdog and sends due acknowledgements there) and honours
    /// `shouldStop`; after `budget` messages it returns with `more = true`, so the other
    /// mailboxes and the outbox get their turn while a backlog drains.
    public func poll(budget: Int = .max, shouldStop: () -> Bool = { false },
                     betweenBatches: () -> Void = {}) throws -> Report {
        var report = Report()
        let status = try client.open()
        let saved = try store.mailboxState(name: mailbox.name)
        var lastUID = UInt32(clamping: saved?.lastUID ?? 0)
        var unseenThrough = saved?.unseenThrough.map { UInt32(clamping: $0) }
        if let known = saved?.uidValidity, known != Int64(status.uidValidity) {
            // RFC 3501 §2.3.1.1: a new UIDVALIDITY invalidates every stored UID. Rescan from
            // the start; the dedupe ledger makes already-recorded messages harmless duplicates.
            logger.warning("mailbox.uidvalidity_changed", [("old", String(known)), ("new", String(status.uidValidity))])
            lastUID = 0
            failures.removeAll()
            unseenThrough = try bootstrapCeiling(status)
        } else if saved?.uidValidity == nil {
            unseenThrough = try bootstrapCeiling(status)
        }
        if let ceiling = unseenThrough, ceiling <= lastUID { unseenThrough = nil }
        try saveState(status, lastUID: lastUID, unseenThrough: unseenThrough)
        var pending = try searchWork(afterUID: lastUID, unseenThrough: unseenThrough)[...]
        let sizes = pending.isEmpty ? [:] : try client.sizes(uids: Array(pending))
        // The saved UID only moves past a message once every earlier one is finished, so a
        // message left for a retry is searched again on the next poll.
        var blocked = false
        while !pending.isEmpty {
            if shouldStop() { break }
            if report.fetched >= budget {
                // Come back at once only when this poll got somewhere: failing messages wait
                // for the next interval, so their strikes are not spent in a tight loop.
                report.more = report.processed > 0
                break
            }
            let batch = nextBatch(&pending, sizes: sizes)
            let messages = try client.fetch(uids: batch, maxBytes: mailbox.maxMessageBytes)
            report.fetched += messages.count
            let outcomes = try processor.processBatch(
                messages.map { MessageProcessor.Item(raw: $0.bytes, truncatedFrom: $0.truncated ? $0.size : nil, uid: $0.uid) },
                mailbox: mailbox)
            var committed: [UInt32] = []
            var oversized: [UInt32] = []
            var candidateLastUID = lastUID
            var fault: (any Error)?
            for (fetched, outcome) in zip(messages, outcomes) {
                if case .failure(let error) = outcome, StoreError.isEnvironmental(error) {
                    // Not the message's fault: no strike; it stays unmarked for the retry.
                    logger.warning("message.deferred", [("uid", String(fetched.uid)), ("error", "\(error)")])
                    fault = fault ?? error
                    blocked = true
                    continue
                }
                let finished = try finish(fetched, outcome, report: &report)
                if case .success = outcome {
                    if fetched.truncated { oversized.append(fetched.uid) } else { committed.append(fetched.uid) }
                }
                blocked = blocked || !finished
                if finished && !blocked { candidateLastUID = max(candidateLastUID, fetched.uid) }
            }
            // Only now, with their tickets committed, may the server forget the messages:
            // one command for the batch. If it fails (connection lost), the saved UID stays
            // where it was; the batch is fetched again and recognised as duplicates.
            try client.mark(uids: committed, as: mailbox.after)
            try markOversized(oversized)
            lastUID = candidateLastUID
            if let ceiling = unseenThrough, ceiling <= lastUID { unseenThrough = nil }
            try saveState(status, lastUID: lastUID, unseenThrough: unseenThrough)
            if let fault { throw fault }
            if !pending.isEmpty { betweenBatches() }
        }
        return report
    }

    /// Takes the next batch off `pending`: up to `batch_size` messages while their sizes fit
    /// in `batch_bytes`; always at least one, however large.
    private func nextBatch(_ pending: inout ArraySlice<UInt32>, sizes: [UInt32: Int]) -> [UInt32] {
        var batch: [UInt32] = []
        var bytes = 0
        while let uid = pending.first, batch.count < mailbox.batchSize {
            let size = min(sizes[uid] ?? 0, mailbox.maxMessageBytes)
            if !batch.isEmpty, bytes + size > mailbox.batchBytes { break }
            batch.append(uid)
            bytes += size
            pending.removeFirst()
        }
        return batch
    }

    /// A message larger than `max_message_bytes` was stored in part: the server keeps the
    /// only whole copy. It is never deleted nor moved anywhere that expunges: with `seen` it
    /// is flagged (`\Seen \Flagged`) where it is; with `move`/`delete` it goes to the
    /// oversized folder, which Buzón never expunges, for an operator to deal with.
    private func markOversized(_ uids: [UInt32]) throws {
        guard !uids.isEmpty else { return }
        let action: AfterProcessing
        switch mailbox.after {
        case .seen: action = .seenFlagged
        case .move, .delete, .seenFlagged: action = .move(folder: mailbox.oversizedFolder)
        }
        try client.mark(uids: uids, as: action)
        for uid in uids {
            logger.warning("message.oversized_kept", [("uid", String(uid)), ("limit", String(mailbox.maxMessageBytes)),
                                                      ("left_in", action == .seenFlagged ? mailbox.name : mailbox.oversizedFolder)])
        }
    }

    /// Where a bootstrap stops being picky, or nil when every message in the folder is work.
    ///
    /// The UID ledger is the truth about what Buzón has handled; `\Seen` is not (a colleague
    /// opening a message in webmail sets it). Only when there is no ledger yet — a mailbox
    /// polled for the first time, or renumbered by a new UIDVALIDITY — does `after = "seen"`
    /// use the flag, to tell mail already dealt with by hand (seen, up to the UIDNEXT of this
    /// moment) from work. With `move`/`delete`, whatever is in the folder is work.
    private func bootstrapCeiling(_ status: MailboxStatus) throws -> UInt32? {
        guard case .seen = mailbox.after else { return nil }
        if status.uidNext > 1 { return status.uidNext - 1 }
        // A server that reports no UIDNEXT: the highest UID present now.
        return try client.search(afterUID: 0, unseenOnly: false).last
    }

    /// UIDs above `afterUID`, ascending; those up to `unseenThrough` only when unseen.
    private func searchWork(afterUID: UInt32, unseenThrough: UInt32?) throws -> [UInt32] {
        guard let ceiling = unseenThrough, ceiling > afterUID else {
            return try client.search(afterUID: afterUID, unseenOnly: false)
        }
        let old = try client.search(afterUID: afterUID, unseenOnly: true).filter { $0 <= ceiling }
        let new = try client.search(afterUID: ceiling, unseenOnly: false)
        return old + new
    }

    private func saveState(_ status: MailboxStatus, lastUID: UInt32, unseenThrough: UInt32?) throws {
        try store.saveMailboxState(name: mailbox.name, uidValidity: Int64(status.uidValidity), lastUID: Int64(lastUID),
                                   unseenThrough: unseenThrough.map(Int64.init), at: Date())
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
