import BuzonTickets
import Foundation

/// The reads the decision rules make, inside the gateway's transaction.
extension TicketStore {
    public func knownMessage(dedupeKey: String) throws(StoreError) -> KnownMessage? {
        try database.queryFirst("""
            SELECT t.number, p.mailbox FROM processed_messages p LEFT JOIN tickets t ON t.id = p.ticket_id
            WHERE p.dedupe_key = ?
            """, dedupeKey) { KnownMessage(ticketNumber: $0.optionalString(0), mailbox: $0.string(1)) }
    }

    public func ticket(number: String) throws(StoreError) -> TicketSnapshot? {
        try summary(number: number).map { summary throws(StoreError) in try withParticipants(summary.snapshot) }
    }

    /// The newest ticket that received or sent one of `ids` (messages in or out, and the outbox, so
    /// a reply to an acknowledgement still queued threads too). Message-IDs are compared exactly.
    public func ticket(referencingMessageIDs ids: [String]) throws(StoreError) -> TicketSnapshot? {
        guard !ids.isEmpty else { return nil }
        return try database.queryFirst("""
            SELECT \(Self.summaryColumns) FROM tickets t WHERE t.id IN (
                SELECT ticket_id FROM messages WHERE message_id IN (SELECT value FROM json_each(?1))
                UNION SELECT ticket_id FROM outbox WHERE message_id IN (SELECT value FROM json_each(?1)) AND message_id IS NOT NULL
            ) ORDER BY t.id DESC LIMIT 1
            """, JSONStrings.encode(ids)) { Self.summary(from: $0).snapshot }.map(withParticipants)
    }

    public func openTicketCount(organization: String) throws(StoreError) -> Int {
        try database.queryFirst("""
            SELECT count(*) FROM tickets WHERE organization = ? AND state IN ('waiting_on_support', 'answered')
            """, organization) { $0.int(0) } ?? 0
    }

    /// Automatic outbox messages to `address` (case-insensitive) created at or after `date`,
    /// whatever their delivery status: a queued acknowledgement counts against the limit already.
    public func automaticMessagesSent(to address: String, since date: Date) throws(StoreError) -> Int {
        try database.queryFirst("""
            SELECT count(*) FROM automatic_recipients WHERE address = ? AND created_at >= ?
            """, address.lowercased(), date) { $0.int(0) } ?? 0
    }

    /// The ticket with this number, as the CLI lists it.
    public func summary(number: String) throws(StoreError) -> TicketSummary? {
        try database.queryFirst("SELECT \(Self.summaryColumns) FROM tickets t WHERE t.number = ?", number) {
            Self.summary(from: $0)
        }
    }
}
