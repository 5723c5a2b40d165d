import Foundation
import BuzonMIME
import BuzonStore
import BuzonTesting

/// What the desk did, read back from where it leaves traces: its database (the dedupe ledger,
/// the stored raw copies, held and any other kept mail, the outbox), the mailbox folders, and
/// the mail the SMTP sink received. Read while daemons run (SQLite WAL: readers never block
/// the writer) for progress, and once at the end for the accounting.
///
/// Raw copies are matched by `SoakMessage.contentKey` (SHA-256 without CRs) rather than by the
/// store's own hash, so a copy that was cut short or altered does not count as kept.
struct SoakLedger {
    let database: Database
    let servers: LocalServers
    let user: String
    let deadLetterFolder: String

    /// One acknowledgement (or any notice) the SMTP sink accepted, in arrival order.
    struct Received {
        var messageID: String
        var inReplyTo: String?
        var recipients: [String]
    }

    // MARK: Cheap progress figures, read every tick

    /// Dedupe keys of every message the gateway recorded (any outcome).
    func recordedKeys() throws -> Set<String> {
        Set(try database.query("SELECT dedupe_key FROM processed_messages") { $0.string(0) })
    }

    /// Outbox rows by status (`queued`, `sent`, `failed`).
    func outboxByStatus() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for (status, count) in try database.query("SELECT status, count(*) FROM outbox GROUP BY status", map: { ($0.string(0), $0.int(1)) }) {
            counts[status] = count
        }
        return counts
    }

    /// How many messages sit in the dead-letter folder.
    func deadLetterCount() throws -> Int {
        try servers.messageCount(user: user, folder: deadLetterFolder)
    }

    func ticketCount() throws -> Int {
        try database.queryFirst("SELECT count(*) FROM tickets") { $0.int(0) } ?? 0
    }

    /// How many notices the sink holds (reads them all: call a few times a run, not per tick).
    func receivedCount() throws -> Int {
        try servers.receivedMessages().count
    }

    // MARK: The accounting, read once at the end

    /// Outcome of each recorded dedupe key (`new_ticket`, `unknown_sender`, `auto_generated`, …).
    func outcomes() throws -> [String: String] {
        Dictionary(try database.query("SELECT dedupe_key, outcome FROM processed_messages") { ($0.string(0), $0.string(1)) },
                   uniquingKeysWith: { first, _ in first })
    }

    /// Content keys of incoming messages stored on a ticket.
    func ticketedContent() throws -> Set<String> {
        Set(try database.query("""
            SELECT r.bytes FROM messages m JOIN raw_messages r ON r.sha256 = m.raw_sha256
            WHERE m.direction = 'in' AND m.ticket_id IS NOT NULL
            """) { SoakMessage.contentKey(of: $0.blob(0)) })
    }

    /// Content keys of every raw copy the database keeps anywhere outside the outbox: raw
    /// messages, held messages, and whatever table a later version keeps rejected mail in
    /// (any `raw`, `bytes`, `raw_bytes` or `raw_message` column), so the soak keeps working when that lands.
    func keptContent() throws -> Set<String> {
        var kept: Set<String> = []
        let tables = try database.query("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.string(0) }
        for table in tables where table != "outbox" && !table.hasPrefix("sqlite_") && !table.contains("fts") {
            let columns = try database.query("SELECT name FROM pragma_table_info(?)", table) { $0.string(0) }
            for column in columns where ["raw", "bytes", "raw_bytes", "raw_message"].contains(column) {
                _ = try database.query("SELECT \"\(column)\" FROM \"\(table)\" WHERE \"\(column)\" IS NOT NULL") { row in
                    kept.insert(SoakMessage.contentKey(of: row.blob(0)))
                }
            }
        }
        return kept
    }

    /// Content keys of the messages in a folder, with whether each is `\Seen`.
    func folderContent(_ folder: String) throws -> [String: Bool] {
        var content: [String: Bool] = [:]
        for message in try servers.maildirMessages(user: user, folder: folder) {
            content[SoakMessage.contentKey(of: try message.bytes())] = message.isSeen
        }
        return content
    }

    /// Every notice the sink accepted, in arrival order, by Message-ID.
    func received() throws -> [Received] {
        let parser = MessageParser()
        return try servers.receivedMessages().map { sunk in
            let message = parser.parse(sunk.bytes)
            return Received(messageID: message.messageID ?? "(none: \(SHA256.hex(of: sunk.bytes).prefix(12)))",
                            inReplyTo: message.inReplyTo.first, recipients: sunk.recipients)
        }
    }

    /// Acknowledgements not sent: `OP10123 → address: queued (2 attempts; last error …)`.
    func unsentAcknowledgements() throws -> [String] {
        try database.query("""
            SELECT coalesce(t.number, '(no ticket)'), o.recipients_json, o.status, o.attempts, o.last_error
            FROM outbox o LEFT JOIN tickets t ON t.id = o.ticket_id
            WHERE o.template = 'acknowledgement' AND o.status != 'sent' ORDER BY o.id
            """) { row in
            "\(row.string(0)) → \(row.string(1)): \(row.string(2)) (\(row.int(3)) attempts"
                + (row.optionalString(4).map { "; last error: \($0)" } ?? "") + ")"
        }
    }

    /// Acknowledgements the outbox holds, by status: what should reach the sink exactly once.
    func acknowledgementsByStatus() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for (status, count) in try database.query("""
            SELECT status, count(*) FROM outbox WHERE template = 'acknowledgement' GROUP BY status
            """, map: { ($0.string(0), $0.int(1)) }) {
            counts[status] = count
        }
        return counts
    }
}

extension SoakLedger {
    /// When the mailbox was last polled (successfully or not), seconds since 1970.
    func lastPollAt() throws -> Double? {
        try database.queryFirst("SELECT last_poll_at FROM mailbox_state WHERE name = ?", user) { $0.double(0) }
    }

    /// Queued notices a sender holds a claim on (schemas with `outbox.claimed_until`): how many,
    /// and when the last claim runs out; nil on a schema without claims.
    func claimedQueued() -> (count: Int, until: Date?)? {
        try? database.queryFirst("""
            SELECT count(*), max(claimed_until) FROM outbox WHERE status = 'queued' AND claimed_until > ?
            """, Date()) { ($0.int(0), $0.isNull(1) ? nil : $0.date(1)) }
    }
}
