import Foundation

/// Messages kept instead of ticketed (`held_messages`, schema version 4 added `disposition` and
/// `reason_code`): listed, approved, discarded or decided again from the CLI. The reason is
/// stored as its English code (`reason_code`, the truth) and its particulars (column `reason`,
/// `KeptMessage.detail`); the words for people are the CLI's, in the desk's language.
extension TicketStore {
    /// Keeps one message. The only writer of `held_messages`: every decision that does not
    /// ticket a message (hold, reject, our own mail threading nowhere) comes through here,
    /// inside the transaction that records the decision.
    @discardableResult
    public func keep(_ message: KeptMessage) throws(StoreError) -> Int64 {
        try database.serialized { () throws(StoreError) -> Int64 in
            try database.run("""
                INSERT INTO held_messages (mailbox, from_address, subject, disposition, reason_code, reason, raw, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, message.mailbox, message.fromAddress, message.subject, message.disposition.rawValue,
                message.reasonCode, message.detail, message.raw, message.receivedAt)
            return database.lastInsertRowID
        }
    }

    /// Kept messages oldest first, without their raw bytes; all of them when `disposition` is nil.
    public func keptMessages(_ disposition: KeptMessage.Disposition? = nil) throws(StoreError) -> [KeptEntry] {
        try database.query("""
            SELECT id, mailbox, from_address, subject, disposition, reason_code, reason, received_at FROM held_messages
            WHERE ?1 IS NULL OR disposition = ?1 ORDER BY received_at, id
            """, disposition?.rawValue) { row in
            KeptEntry(id: row.int64(0), message: KeptMessage(
                mailbox: row.string(1), fromAddress: row.string(2), subject: row.string(3),
                disposition: KeptMessage.Disposition(rawValue: row.string(4)) ?? .held, reasonCode: row.string(5),
                detail: row.string(6), raw: [], receivedAt: row.date(7)))
        }
    }

    /// Messages waiting for a person (`buzon held list`).
    public func heldMessages() throws(StoreError) -> [KeptEntry] {
        try keptMessages(.held)
    }

    /// How many messages are kept under each disposition (`buzon status`).
    public func keptCounts() throws(StoreError) -> [KeptMessage.Disposition: Int] {
        try counts(of: "disposition", in: "held_messages")
    }

    /// One kept message with its raw bytes.
    public func keptMessage(id: Int64) throws(StoreError) -> KeptEntry? {
        try database.queryFirst("""
            SELECT id, mailbox, from_address, subject, disposition, reason_code, reason, raw, received_at
            FROM held_messages WHERE id = ?
            """, id) { row in
            KeptEntry(id: row.int64(0), message: KeptMessage(
                mailbox: row.string(1), fromAddress: row.string(2), subject: row.string(3),
                disposition: KeptMessage.Disposition(rawValue: row.string(4)) ?? .held, reasonCode: row.string(5),
                detail: row.string(6), raw: row.blob(7), receivedAt: row.date(8)))
        }
    }

    public func removeKept(id: Int64) throws(StoreError) {
        if try database.run("DELETE FROM held_messages WHERE id = ?", id) == 0 {
            throw .notFound("kept message \(id)", operation: "removing it")
        }
    }
}
