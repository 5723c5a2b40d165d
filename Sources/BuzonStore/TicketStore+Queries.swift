import BuzonTickets
import Foundation

/// Reads for the command line: lists, one ticket's whole story, full-text search.
extension TicketStore {
    /// Tickets filtered by state and/or organization, oldest first.
    public func tickets(state: TicketState? = nil, organization: String? = nil) throws(StoreError) -> [TicketSummary] {
        try database.query("""
            SELECT \(Self.summaryColumns) FROM tickets t
            WHERE (?1 IS NULL OR t.state = ?1) AND (?2 IS NULL OR t.organization = ?2) ORDER BY t.id
            """, state?.rawValue, organization, map: Self.summary(from:))
    }

    /// How many tickets are in each state, every state present (`buzon status`): counted by
    /// the database, never by loading the tickets.
    public func ticketCounts() throws(StoreError) -> [TicketState: Int] {
        try counts(of: "state", in: "tickets")
    }

    /// The ticket in `state` that changed longest ago (the lowest number among equals), if any.
    public func oldestTicket(in state: TicketState) throws(StoreError) -> TicketSummary? {
        try database.queryFirst("""
            SELECT \(Self.summaryColumns) FROM tickets t WHERE t.state = ? ORDER BY t.updated_at, t.id LIMIT 1
            """, state.rawValue, map: Self.summary(from:))
    }

    /// How many outbox messages are in each status, every status present (`buzon status`).
    public func outboxCounts() throws(StoreError) -> [OutboxStatus: Int] {
        try counts(of: "status", in: "outbox")
    }

    /// `SELECT column, count(*) FROM table GROUP BY column` keyed by the enum the column holds,
    /// every case present (0 when no row has it); values no case names are left out.
    func counts<Key: RawRepresentable & CaseIterable & Hashable>(of column: String, in table: String)
        throws(StoreError) -> [Key: Int] where Key.RawValue == String {
        var counts = Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0, 0) })
        let rows = try database.query("SELECT \(column), count(*) FROM \(table) GROUP BY \(column)") { row in
            (row.string(0), row.int(1))
        }
        for (name, count) in rows {
            if let key = Key(rawValue: name) { counts[key] = count }
        }
        return counts
    }

    /// The ticket with its messages, events and time log, each oldest first.
    public func ticketDetail(number: String) throws(StoreError) -> TicketDetail? {
        try database.serialized { () throws(StoreError) -> TicketDetail? in
            guard let summary = try summary(number: number) else { return nil }
            let events = try database.query("""
                SELECT e.id, e.type, e.at, e.detail, e.actor FROM events e JOIN tickets t ON t.id = e.ticket_id
                WHERE t.number = ? ORDER BY e.at, e.id
                """, number) { (row: Statement) throws(StoreError) -> TicketEvent in
                let kind = row.string(1)
                guard let type = EventType(rawValue: kind) else {
                    throw StoreError(kind: .schemaTooNew,
                                     message: "event \(row.int64(0)) has kind \"\(kind)\", which this Buzón does not know: "
                                         + "a newer Buzón wrote it; run that version",
                                     operation: "reading the events of \(number)")
                }
                return TicketEvent(id: row.int64(0), type: type, at: row.date(2), detail: row.string(3),
                                   actor: row.optionalString(4))
            }
            let timeLog = try database.query("""
                SELECT l.id, l.who, l.minutes, l.text, l.at FROM time_log l JOIN tickets t ON t.id = l.ticket_id
                WHERE t.number = ? ORDER BY l.at, l.id
                """, number) { row in
                TimeEntry(id: row.int64(0), who: row.string(1), minutes: row.int(2), text: row.string(3), at: row.date(4))
            }
            return TicketDetail(summary: summary, messages: try messages(ofTicket: number), events: events, timeLog: timeLog)
        }
    }

    /// The ticket's messages oldest first, with their attachments.
    public func messages(ofTicket number: String) throws(StoreError) -> [StoredMessage] {
        try database.serialized { () throws(StoreError) -> [StoredMessage] in
            var messages = try database.query("""
                SELECT \(Self.messageColumns) FROM messages m JOIN tickets t ON t.id = m.ticket_id
                WHERE t.number = ? ORDER BY m.received_at, m.id
                """, number, map: Self.storedMessage(from:))
            for index in messages.indices {
                messages[index].attachments = try attachments(ofMessage: messages[index].id)
            }
            return messages
        }
    }

    public func attachments(ofMessage rowID: Int64) throws(StoreError) -> [AttachmentRecord] {
        try database.query("""
            SELECT id, message_id, filename, content_type, size, sha256, inline, content_id, truncated FROM attachments
            WHERE message_id = ? ORDER BY id
            """, rowID) { row in
            AttachmentRecord(id: row.int64(0), messageRowID: row.int64(1), filename: row.optionalString(2),
                             contentType: row.string(3), size: row.int(4), sha256: row.string(5), inline: row.bool(6),
                             contentID: row.optionalString(7), truncated: row.bool(8))
        }
    }

    /// Tickets with a message matching every word of `text` (subject, reply or body; accents and
    /// case ignored), most recently updated first. The text is taken literally: each word is quoted,
    /// so `"`, `*`, `AND`, `NEAR(` are searched for, never interpreted as FTS5 syntax.
    public func search(text: String) throws(StoreError) -> [TicketSummary] {
        guard let match = Self.ftsQuery(text) else { return [] }
        return try database.query("""
            SELECT \(Self.summaryColumns) FROM tickets t WHERE t.id IN (
                SELECT m.ticket_id FROM messages_fts f JOIN messages m ON m.id = f.rowid WHERE messages_fts MATCH ?
            ) ORDER BY t.updated_at DESC, t.id DESC
            """, match, map: Self.summary(from:))
    }

    /// Each whitespace-separated word as an FTS5 string (`"` doubled inside), implicitly ANDed.
    static func ftsQuery(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        guard !words.isEmpty else { return nil }
        return words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " ")
    }

    static let messageColumns = """
    m.id, t.number, m.direction, m.author, m.from_address, m.from_name, m.to_json, m.cc_json, m.message_id,
    m.in_reply_to, m.references_json, m.subject, m.reply, m.body, m.raw_sha256, m.mailbox, m.received_at
    """

    static func storedMessage(from row: Statement) -> StoredMessage {
        StoredMessage(
            id: row.int64(0), ticketNumber: row.optionalString(1),
            direction: MessageDirection(rawValue: row.string(2)) ?? .incoming,
            author: MessageAuthor(rawValue: row.string(3)) ?? .customer, fromAddress: row.string(4),
            fromName: row.optionalString(5), to: JSONStrings.decode(row.string(6)), cc: JSONStrings.decode(row.string(7)),
            messageID: row.optionalString(8), inReplyTo: row.optionalString(9),
            references: JSONStrings.decode(row.string(10)), subject: row.string(11), reply: row.string(12),
            body: row.string(13), rawSHA256: row.optionalString(14), mailbox: row.optionalString(15),
            receivedAt: row.date(16), attachments: [])
    }
}
