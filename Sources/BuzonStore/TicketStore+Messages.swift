import BuzonMIME
import Foundation

/// Messages, their raw bytes, attachments, events and the dedupe ledger.
extension TicketStore {
    /// Stores the message (and its raw bytes, once per distinct content) and returns its row id.
    @discardableResult
    public func addMessage(_ message: MessageRecord) throws(StoreError) -> Int64 {
        let ticketID = try optionalTicketID(number: message.ticketNumber, for: "adding a message")
        var rawKey: String?
        if let raw = message.raw {
            let key = SHA256.hex(of: raw)
            if raw.count < Self.streamedRawBytes {
                try database.run("INSERT INTO raw_messages (sha256, bytes) VALUES (?, ?) ON CONFLICT DO NOTHING", key, raw)
            } else {
                // Large: written in pieces, so SQLite never holds a second copy of the message.
                try database.serialized { () throws(StoreError) in
                    let inserted = try database.run(
                        "INSERT INTO raw_messages (sha256, bytes) VALUES (?, zeroblob(?)) ON CONFLICT DO NOTHING", key, raw.count)
                    if inserted == 1 {
                        try database.writeBlob(table: "raw_messages", column: "bytes", rowID: database.lastInsertRowID, raw)
                    }
                }
            }
            rawKey = key
        }
        return try database.serialized { () throws(StoreError) -> Int64 in
            try database.run("""
                INSERT INTO messages (ticket_id, direction, author, from_address, from_name, to_json, cc_json,
                    message_id, in_reply_to, references_json, subject, reply, body, raw_sha256, mailbox, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                ticketID, message.direction.rawValue, message.author.rawValue, message.fromAddress, message.fromName,
                JSONStrings.encode(message.to), JSONStrings.encode(message.cc), message.messageID, message.inReplyTo,
                JSONStrings.encode(message.references), message.subject, message.reply, message.body, rawKey,
                message.mailbox, message.receivedAt)
            return database.lastInsertRowID
        }
    }

    /// Raw messages from this size on are written by incremental blob I/O instead of bound.
    static let streamedRawBytes = 1 << 20

    /// Writes the file (content-addressed, skipped when the same bytes exist) and records the row;
    /// `truncated` says the bytes are only the start of the attachment.
    @discardableResult
    public func addAttachment(
        messageRowID: Int64, filename: String?, contentType: String, data: [UInt8], inline: Bool, contentID: String?,
        truncated: Bool = false
    ) throws(StoreError) -> AttachmentRecord {
        let sha = SHA256.hex(of: data)
        try attachments.store(data, sha256: sha)
        let id = try database.serialized { () throws(StoreError) -> Int64 in
            try database.run("""
                INSERT INTO attachments (message_id, filename, content_type, size, sha256, inline, content_id, truncated)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, messageRowID, filename, contentType, data.count, sha, inline, contentID, truncated)
            return database.lastInsertRowID
        }
        return AttachmentRecord(id: id, messageRowID: messageRowID, filename: filename, contentType: contentType,
                                size: data.count, sha256: sha, inline: inline, contentID: contentID, truncated: truncated)
    }

    /// Where the bytes of an attachment live.
    public func attachmentPath(sha256: String) -> String {
        attachments.path(sha256: sha256)
    }

    /// Appends an event to the ticket's history.
    @discardableResult
    public func addEvent(ticket number: String, type: EventType, at date: Date, detail: String = "", actor: String? = nil) throws(StoreError) -> Int64 {
        let ticketID = try ticketID(number: number, for: "adding a \(type) event")
        return try database.serialized { () throws(StoreError) -> Int64 in
            try database.run("INSERT INTO events (ticket_id, type, at, detail, actor) VALUES (?, ?, ?, ?, ?)",
                             ticketID, type.rawValue, date, detail, actor)
            return database.lastInsertRowID
        }
    }

    /// Records that the message with `dedupeKey` was handled. `outcome` is the code of the rule
    /// that decided it (`DecisionRule`'s raw value): `new_ticket`; a follow-up threaded by
    /// `plus_address`, `subject_reference`, `in_reply_to`, `references` or `bounced_message`; kept
    /// as `unknown_sender`, `staff_without_ticket`, `open_ticket_limit`, `missing_sender` or
    /// `own_mailbox`; recorded only as `auto_generated`. A duplicate is not recorded again (its
    /// first entry stands). Recording the same key twice is a `UNIQUE` error: the caller asks
    /// `knownMessage` first, in the same transaction.
    public func recordProcessed(dedupeKey: String, ticketNumber: String?, mailbox: String, outcome: String, at date: Date) throws(StoreError) {
        let ticketID = try optionalTicketID(number: ticketNumber, for: "recording a processed message")
        try database.run("""
            INSERT INTO processed_messages (dedupe_key, ticket_id, mailbox, outcome, at) VALUES (?, ?, ?, ?, ?)
            """, dedupeKey, ticketID, mailbox, outcome, date)
    }

    /// Points an already recorded message at its ticket and new outcome: a kept message that an
    /// operator approves (`held_approved`) or has decided again was recorded with the rule that
    /// kept it (`unknown_sender`, …) when it arrived. Throws when the key is unknown.
    public func updateProcessed(dedupeKey: String, ticketNumber: String?, outcome: String, at date: Date) throws(StoreError) {
        let ticketID = try optionalTicketID(number: ticketNumber, for: "updating a processed message")
        let changed = try database.run("UPDATE processed_messages SET ticket_id = ?, outcome = ?, at = ? WHERE dedupe_key = ?",
                                       ticketID, outcome, date, dedupeKey)
        guard changed == 1 else {
            throw StoreError.notFound("processed message \(dedupeKey)", operation: "updating a processed message")
        }
    }

    /// The raw bytes stored under this SHA-256, if any.
    public func rawMessage(sha256: String) throws(StoreError) -> [UInt8]? {
        try database.queryFirst("SELECT bytes FROM raw_messages WHERE sha256 = ?", sha256) { $0.blob(0) }
    }
}
