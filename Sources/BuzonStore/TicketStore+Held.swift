import Foundation

/// Messages held for review (`unknown_sender = hold`), approved or discarded from the CLI.
extension TicketStore {
    @discardableResult
    public func hold(_ message: HeldMessage) throws(StoreError) -> Int64 {
        try database.serialized { () throws(StoreError) -> Int64 in
            try database.run("""
                INSERT INTO held_messages (mailbox, from_address, subject, reason, raw, received_at) VALUES (?, ?, ?, ?, ?, ?)
                """, message.mailbox, message.fromAddress, message.subject, message.reason, message.raw, message.receivedAt)
            return database.lastInsertRowID
        }
    }

    /// Held messages oldest first, without their raw bytes.
    public func heldMessages() throws(StoreError) -> [HeldEntry] {
        try database.query("""
            SELECT id, mailbox, from_address, subject, reason, received_at FROM held_messages ORDER BY received_at, id
            """) { row in
            HeldEntry(id: row.int64(0), message: HeldMessage(
                mailbox: row.string(1), fromAddress: row.string(2), subject: row.string(3), reason: row.string(4),
                raw: [], receivedAt: row.date(5)))
        }
    }

    /// One held message with its raw bytes.
    public func heldMessage(id: Int64) throws(StoreError) -> HeldEntry? {
        try database.queryFirst("""
            SELECT id, mailbox, from_address, subject, reason, raw, received_at FROM held_messages WHERE id = ?
            """, id) { row in
            HeldEntry(id: row.int64(0), message: HeldMessage(
                mailbox: row.string(1), fromAddress: row.string(2), subject: row.string(3), reason: row.string(4),
                raw: row.blob(5), receivedAt: row.date(6)))
        }
    }

    public func removeHeld(id: Int64) throws(StoreError) {
        if try database.run("DELETE FROM held_messages WHERE id = ?", id) == 0 {
            throw .notFound("held message \(id)", operation: "removing it")
        }
    }
}
