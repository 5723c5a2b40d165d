import Foundation
import BuzonMIME
import BuzonTrim
import BuzonTickets
import BuzonStore
import BuzonConfig

/// Understands one incoming message, decides what it means for the desk and records the
/// decision and everything it causes in ONE store transaction: the ticket, the message with
/// its raw bytes and attachments, the timeline events, the notices in the outbox and the
/// dedupe ledger entry.
///
/// Contract: when `process` returns, the message is durably accounted for, and only then may
/// the caller mark it processed on the server. When it throws, nothing was written. Running
/// it twice on the same bytes records the message once (the dedupe ledger, consulted inside
/// the same transaction, turns the second run into `duplicate`).
public final class MessageProcessor {
    public let runtime: GatewayRuntime
    let store: TicketStore
    let clock: @Sendable () -> Date
    let logger: Logger
    let metrics: GatewayMetrics?
    private let parser = MessageParser()
    /// Test seam, nil in production: runs inside the transaction after the decision is
    /// recorded and just before the commit. A throw rolls everything back, as a crash or a
    /// full disk at that instant would; the crash tests use it to prove nothing is half-written.
    var beforeCommit: ((Result) throws -> Void)?

    public init(runtime: GatewayRuntime, store: TicketStore, clock: @escaping @Sendable () -> Date = Date.init,
                logger: Logger, metrics: GatewayMetrics? = nil) {
        self.runtime = runtime
        self.store = store
        self.clock = clock
        self.logger = logger
        self.metrics = metrics
    }

    /// What happened to one message.
    public struct Result: Sendable {
        public var decision: Decision
        /// The ticket the message went to or opened, nil when held, rejected or dropped.
        public var ticketNumber: String?
        public var queuedNotices: [String]
        public var dedupeKey: String
    }

    /// Parses, trims and keys the raw bytes: the input of a decision.
    public func understand(_ raw: [UInt8], mailbox: MailboxConfig, receivedAt: Date) -> IncomingMail {
        let message = parser.parse(raw)
        let reply = runtime.trimmer.trim(message).text
        return IncomingMail(message: message, reply: reply, mailbox: runtime.config.mailboxContext(mailbox),
                            receivedAt: receivedAt, dedupeKey: DedupeKey.make(message: message, raw: raw))
    }

    /// The decision for `raw`, changing nothing (`buzon explain`).
    public func explain(_ raw: [UInt8], mailbox: MailboxConfig) throws -> Decision {
        let mail = understand(raw, mailbox: mailbox, receivedAt: clock())
        return try runtime.engine.decide(mail, lookup: store)
    }

    /// Decides and records one message. `truncatedFrom` is the server's size of a message
    /// that was fetched only in part because it exceeded the size limit.
    @discardableResult
    public func process(_ raw: [UInt8], mailbox: MailboxConfig, truncatedFrom originalSize: Int? = nil) throws -> Result {
        guard let outcome = try processBatch([Item(raw: raw, truncatedFrom: originalSize)], mailbox: mailbox).first else {
            preconditionFailure("processBatch returns one outcome per item")
        }
        return try outcome.get()
    }

    /// One message of a batch: its bytes, and the server's size when they were cut.
    public struct Item: Sendable {
        public var raw: [UInt8]
        public var truncatedFrom: Int?
        /// The IMAP UID, for the log line (nil for `buzon deliver`).
        public var uid: UInt32?
        public init(raw: [UInt8], truncatedFrom: Int? = nil, uid: UInt32? = nil) {
            self.raw = raw
            self.truncatedFrom = truncatedFrom
            self.uid = uid
        }
    }

    /// Decides and records a batch in ONE commit (group commit: one fsync for the batch), each
    /// message inside its own savepoint. A message whose recording fails is rolled back alone
    /// and reported as a failure; the others commit. When the commit itself fails, this throws
    /// and nothing of the batch was written — the caller marks nothing and retries.
    ///
    /// Contract for the caller: mark on the server exactly the messages reported `.success`,
    /// and only after this returns.
    public func processBatch(_ items: [Item], mailbox: MailboxConfig) throws -> [Swift.Result<Result, Error>] {
        let now = clock()
        // Each message's own time: its parse and its savepoint (the shared commit is not in it).
        var nanoseconds = [UInt64](repeating: 0, count: items.count)
        let mails = items.indices.map { index in
            Self.timed(&nanoseconds[index]) { understand(items[index].raw, mailbox: mailbox, receivedAt: now) }
        }
        let outcomes = try store.transaction { () throws -> [Swift.Result<Result, Error>] in
            items.indices.map { index in
                Self.timed(&nanoseconds[index]) {
                    Swift.Result {
                        try store.transaction { () throws -> Result in
                            try record(items[index], mails[index], mailbox: mailbox, now: now)
                        }
                    }
                }
            }
        }
        for index in items.indices {
            guard case .success(let result) = outcomes[index] else { continue }
            let mail = mails[index]
            let seconds = Double(nanoseconds[index]) / 1e9
            metrics?.recordProcessed(decision: result.decision.rule.rawValue, seconds: seconds)
            logger.info("message.processed", [
                ("mailbox", mailbox.name), ("uid", items[index].uid.map(String.init)), ("message_id", mail.message.messageID),
                ("from", mail.message.from?.normalized), ("ticket", result.ticketNumber),
                ("decision", result.decision.rule.rawValue), ("detail", result.decision.summary),
                ("duration_ms", String(format: "%.2f", seconds * 1000)),
            ])
        }
        return outcomes
    }

    /// Decides and records one understood message (inside its savepoint).
    private func record(_ item: Item, _ mail: IncomingMail, mailbox: MailboxConfig, now: Date) throws -> Result {
        let decision = try runtime.engine.decide(mail, lookup: store)
        var recorder = DecisionRecorder(store: store, runtime: runtime, logger: logger, mail: mail, raw: item.raw, mailbox: mailbox, now: now,
                                        originalSize: item.truncatedFrom)
        let ticket = try recorder.record(decision)
        let result = Result(decision: decision, ticketNumber: ticket, queuedNotices: recorder.queued,
                            dedupeKey: mail.dedupeKey)
        try beforeCommit?(result)
        return result
    }

    /// Runs `body`, adding its duration to `total`.
    private static func timed<T>(_ total: inout UInt64, _ body: () throws -> T) rethrows -> T {
        let started = DispatchTime.now().uptimeNanoseconds
        defer { total += DispatchTime.now().uptimeNanoseconds - started }
        return try body()
    }
}
