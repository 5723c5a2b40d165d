import Foundation

/// Per-mailbox poll ledger. Saved in the same transaction as the tickets of the messages it
/// covers, so `lastUID` never runs ahead of what was committed.
extension TicketStore {
    public func mailboxState(name: String) throws(StoreError) -> MailboxState? {
        try database.queryFirst("""
            SELECT name, uid_validity, last_uid, last_poll_at, last_error, dead_letters, unseen_through
            FROM mailbox_state WHERE name = ?
            """, name) { row in
            MailboxState(name: row.string(0), uidValidity: row.isNull(1) ? nil : row.int64(1), lastUID: row.int64(2),
                         unseenThrough: row.isNull(6) ? nil : row.int64(6),
                         lastPollAt: row.optionalDate(3), lastError: row.optionalString(4), deadLetters: row.int(5))
        }
    }

    /// Records a successful poll position and the bootstrap ceiling (nil: none); clears the last error.
    public func saveMailboxState(name: String, uidValidity: Int64?, lastUID: Int64, unseenThrough: Int64? = nil,
                                 at date: Date) throws(StoreError) {
        try database.run("""
            INSERT INTO mailbox_state (name, uid_validity, last_uid, last_poll_at, last_error, unseen_through)
            VALUES (?1, ?2, ?3, ?4, NULL, ?5)
            ON CONFLICT (name) DO UPDATE SET uid_validity = ?2, last_uid = ?3, last_poll_at = ?4, last_error = NULL,
                unseen_through = ?5
            """, name, uidValidity, lastUID, date, unseenThrough)
    }

    /// Records why the last poll failed, keeping the position.
    public func recordPollError(name: String, error: String, at date: Date) throws(StoreError) {
        try database.run("""
            INSERT INTO mailbox_state (name, last_poll_at, last_error) VALUES (?1, ?2, ?3)
            ON CONFLICT (name) DO UPDATE SET last_poll_at = ?2, last_error = ?3
            """, name, date, error)
    }

    public func incrementDeadLetters(name: String) throws(StoreError) {
        try database.run("""
            INSERT INTO mailbox_state (name, dead_letters) VALUES (?1, 1)
            ON CONFLICT (name) DO UPDATE SET dead_letters = dead_letters + 1
            """, name)
    }
}
