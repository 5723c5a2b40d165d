import Foundation

/// The outbox: messages decided inside the gateway's transaction and sent later by the sender service.
///
/// Retry rules belong to the sender; the store only records them: `markRetry` keeps a message queued
/// for later, `markFailed` gives up, `requeue` lets an operator (`buzon outbox retry`) try again.
/// Senders claim a message before sending it (`claimDueOutbox`), so several may share the database.
extension TicketStore {
    @discardableResult
    public func enqueue(_ message: OutboxMessage) throws(StoreError) -> Int64 {
        let ticketID = try optionalTicketID(number: message.ticketNumber, for: "queueing a \(message.template) message")
        return try database.serialized { () throws(StoreError) -> Int64 in
            try database.run("""
                INSERT INTO outbox (ticket_id, template, envelope_from, recipients_json, message_id, bytes, automatic,
                    status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)
                """,
                ticketID, message.template, message.envelopeFrom, JSONStrings.encode(message.recipients),
                message.messageID, message.bytes, message.automatic, message.nextAttemptAt, message.createdAt)
            let id = database.lastInsertRowID
            if message.automatic {
                for address in Set(message.recipients.map { $0.lowercased() }) {
                    try database.run("INSERT INTO automatic_recipients (address, created_at, outbox_id) VALUES (?, ?, ?)",
                                     address, message.createdAt, id)
                }
            }
            return id
        }
    }

    /// Queued messages whose time has come and that no live sender has claimed, oldest first.
    public func dueOutbox(now: Date, limit: Int) throws(StoreError) -> [OutboxEntry] {
        try database.query("""
            SELECT \(Self.outboxColumns) FROM outbox o
            WHERE o.status = 'queued' AND o.next_attempt_at <= ?1 AND (o.claimed_until IS NULL OR o.claimed_until <= ?1)
            ORDER BY o.next_attempt_at, o.id LIMIT ?2
            """, now, limit, map: Self.outboxEntry(from:))
    }

    /// Takes up to `limit` due messages for `claimant` until `now + lease`, in one write
    /// transaction, and returns them: what another sender claims in between is not due for this
    /// one, so any number of senders on one database send each message once. The claim is a
    /// lease: a message claimed by a process that died is due again once the lease has passed
    /// (at-least-once, never lost). `markSent`/`markRetry`/`markFailed` end the claim;
    /// `releaseClaims` gives back what the sender did not get to.
    public func claimDueOutbox(now: Date, limit: Int, claimant: String, lease: TimeInterval) throws -> [OutboxEntry] {
        try database.transaction { () throws -> [OutboxEntry] in
            let due = try dueOutbox(now: now, limit: limit)
            for entry in due {
                try database.run("UPDATE outbox SET claimed_by = ?1, claimed_until = ?2 WHERE id = ?3",
                                 claimant, now.addingTimeInterval(lease), entry.id)
            }
            return due
        }
    }

    /// Gives back the claims `claimant` still holds on these messages (a drain that stopped
    /// early: SMTP down, stop requested), so they are due again at once for any sender.
    public func releaseClaims(ids: [Int64], claimant: String) throws(StoreError) {
        for id in ids {
            try database.run("UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE id = ?1 AND claimed_by = ?2",
                             id, claimant)
        }
    }

    /// The senders holding a live claim on a queued message, each once (a sender checks them for
    /// holders known to be dead, see `releaseClaims(of:)`).
    public func outboxClaimants(now: Date) throws(StoreError) -> [String] {
        try database.query("""
            SELECT DISTINCT claimed_by FROM outbox WHERE status = 'queued' AND claimed_by IS NOT NULL AND claimed_until > ?1
            """, now) { $0.string(0) }
    }

    /// Takes back every claim `claimant` holds on queued messages, lease or not: the caller
    /// knows that sender is dead, and its messages are due again at once. Returns how many.
    @discardableResult
    public func releaseClaims(of claimant: String) throws(StoreError) -> Int {
        try database.run("""
            UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE status = 'queued' AND claimed_by = ?1
            """, claimant)
    }

    /// Who holds a live claim on message `id`, if anyone (for `outbox list` and tests).
    public func outboxClaimant(id: Int64, now: Date = Date()) throws(StoreError) -> String? {
        try database.queryFirst("SELECT claimed_by FROM outbox WHERE id = ?1 AND claimed_until > ?2", id, now) {
            $0.optionalString(0)
        } ?? nil
    }

    /// Every outbox message, or those with `status`, oldest first.
    public func outbox(status: OutboxStatus? = nil) throws(StoreError) -> [OutboxEntry] {
        try database.query("""
            SELECT \(Self.outboxColumns) FROM outbox o WHERE ?1 IS NULL OR o.status = ?1 ORDER BY o.id
            """, status?.rawValue, map: Self.outboxEntry(from:))
    }

    public func outboxEntry(id: Int64) throws(StoreError) -> OutboxEntry? {
        try database.queryFirst("SELECT \(Self.outboxColumns) FROM outbox o WHERE o.id = ?", id,
                                map: Self.outboxEntry(from:))
    }

    /// How many messages wait to be sent.
    public func outboxDepth() throws(StoreError) -> Int {
        try database.queryFirst("SELECT count(*) FROM outbox WHERE status = 'queued'") { $0.int(0) } ?? 0
    }

    public func markSent(id: Int64, at date: Date) throws(StoreError) {
        try update(id, "marking it sent", "UPDATE outbox SET status = 'sent', sent_at = ?1, last_error = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = ?2", date, id)
    }

    /// A temporary failure: stays queued until `nextAttemptAt`, one more attempt counted.
    public func markRetry(id: Int64, error: String, nextAttemptAt: Date) throws(StoreError) {
        try update(id, "scheduling a retry", """
            UPDATE outbox SET attempts = attempts + 1, last_error = ?1, next_attempt_at = ?2, claimed_by = NULL, claimed_until = NULL
            WHERE id = ?3 AND status = 'queued'
            """, error, nextAttemptAt, id)
    }

    /// A permanent failure, or too many tries: no more attempts until `requeue`.
    public func markFailed(id: Int64, error: String, at date: Date) throws(StoreError) {
        try update(id, "marking it failed", """
            UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?1, next_attempt_at = ?2,
                claimed_by = NULL, claimed_until = NULL
            WHERE id = ?3 AND status = 'queued'
            """, error, date, id)
    }

    /// Failed → queued, due at `date`, attempts reset so the sender's backoff starts over.
    public func requeue(id: Int64, at date: Date = Date()) throws(StoreError) {
        try update(id, "requeueing it (only failed messages can be)", """
            UPDATE outbox SET status = 'queued', attempts = 0, next_attempt_at = ?1, claimed_by = NULL, claimed_until = NULL
            WHERE id = ?2 AND status = 'failed'
            """, date, id)
    }

    private func update(_ id: Int64, _ operation: String, _ sql: String, _ values: (any SQLBindable)?...) throws(StoreError) {
        if try database.run(sql, values) == 0 {
            throw .notFound("queued outbox message \(id)", operation: operation)
        }
    }

    static let outboxColumns = """
    o.id, (SELECT number FROM tickets t WHERE t.id = o.ticket_id), o.template, o.envelope_from, o.recipients_json,
    o.message_id, o.bytes, o.automatic, o.status, o.attempts, o.next_attempt_at, o.last_error, o.created_at, o.sent_at
    """

    static func outboxEntry(from row: Statement) -> OutboxEntry {
        let message = OutboxMessage(
            ticketNumber: row.optionalString(1), template: row.string(2), envelopeFrom: row.string(3),
            recipients: JSONStrings.decode(row.string(4)), messageID: row.optionalString(5), bytes: row.blob(6),
            automatic: row.bool(7), createdAt: row.date(12), nextAttemptAt: row.date(10))
        return OutboxEntry(id: row.int64(0), message: message, status: OutboxStatus(rawValue: row.string(8)) ?? .queued,
                           attempts: row.int(9), lastError: row.optionalString(11), sentAt: row.optionalDate(13))
    }
}
