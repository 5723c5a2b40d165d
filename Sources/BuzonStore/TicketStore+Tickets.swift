import BuzonTickets
import Foundation

/// Creating tickets and moving them through their lifecycle.
extension TicketStore {
    /// The next ticket reference, `prefix` + number (`OP10044`). One sequence serves every
    /// organization and prefix; `first` is where an empty sequence starts (and a floor if the
    /// configuration later raises it).
    ///
    /// A number taken in a transaction that commits is never handed out again, even if its ticket
    /// is deleted. A number taken in a transaction that rolls back is reused by the next call,
    /// which is fine: nobody outside the transaction ever saw it.
    public func allocateTicketNumber(prefix: String, first: Int) throws(StoreError) -> String {
        let number = try database.queryFirst("""
            INSERT INTO ticket_sequence (id, next_number) VALUES (1, ?1 + 1)
            ON CONFLICT (id) DO UPDATE SET next_number = max(next_number, ?1) + 1
            RETURNING next_number - 1
            """, first) { $0.int(0) }
        guard let number else {
            throw .misuse("the sequence returned no row", operation: "allocating a ticket number")
        }
        return "\(prefix)\(number)"
    }

    /// Inserts the ticket; its number must be new (`allocateTicketNumber`).
    @discardableResult
    public func createTicket(_ ticket: NewTicket) throws(StoreError) -> TicketSummary {
        try database.run("""
            INSERT INTO tickets (number, subject, organization, contact_address, contact_name, department,
                category, priority, state, created_at, updated_at, closed_at, related_ticket, language)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            ticket.number, ticket.subject, ticket.organization, ticket.contactAddress, ticket.contactName,
            ticket.department, ticket.category, ticket.priority, ticket.state.rawValue, ticket.createdAt,
            ticket.createdAt, ticket.state == .closed ? ticket.createdAt : nil, ticket.relatedTicket, ticket.language)
        return TicketSummary(
            number: ticket.number, subject: ticket.subject, organization: ticket.organization,
            contactAddress: ticket.contactAddress, contactName: ticket.contactName, department: ticket.department,
            category: ticket.category, priority: ticket.priority, state: ticket.state, messageCount: 0,
            createdAt: ticket.createdAt, updatedAt: ticket.createdAt, firstResponseAt: nil, answeredAt: nil,
            closedAt: ticket.state == .closed ? ticket.createdAt : nil, relatedTicket: ticket.relatedTicket,
            language: ticket.language)
    }

    /// Moves the ticket to `state` at `at`: `updated_at` always; `answered_at` (last staff reply) when
    /// answered; `closed_at` set when it closes (kept if it was closed already) and cleared on reopen.
    public func setState(number: String, state: TicketState, at date: Date) throws(StoreError) {
        let changed = try database.run("""
            UPDATE tickets SET state = ?1, updated_at = ?2,
                answered_at = CASE WHEN ?1 = 'answered' THEN ?2 ELSE answered_at END,
                closed_at = CASE WHEN ?1 = 'closed' THEN coalesce(closed_at, ?2) ELSE NULL END
            WHERE number = ?3
            """, state.rawValue, date, number)
        if changed == 0 { throw .notFound("ticket \(number)", operation: "setting its state to \(state.rawValue)") }
    }

    /// Records the first staff response; later calls keep the first.
    public func recordFirstResponse(number: String, at date: Date) throws(StoreError) {
        let changed = try database.run("""
            UPDATE tickets SET first_response_at = coalesce(first_response_at, ?1) WHERE number = ?2
            """, date, number)
        if changed == 0 { throw .notFound("ticket \(number)", operation: "recording its first response") }
    }

    /// Marks the ticket updated at `at` (a customer follow-up that changes no state).
    public func touch(number: String, at date: Date) throws(StoreError) {
        let changed = try database.run("UPDATE tickets SET updated_at = ?1 WHERE number = ?2", date, number)
        if changed == 0 { throw .notFound("ticket \(number)", operation: "touching it") }
    }

    /// Answered tickets whose last staff reply is at or before `date`: auto-close candidates.
    public func answeredTickets(idleSince date: Date) throws(StoreError) -> [TicketSummary] {
        try database.query("""
            SELECT \(Self.summaryColumns) FROM tickets t
            WHERE t.state = 'answered' AND t.answered_at <= ? ORDER BY t.answered_at
            """, date, map: Self.summary(from:))
    }

    /// Adds logged time to the ticket (and nothing else: the caller adds a `time_logged` event if wanted).
    @discardableResult
    public func logTime(number: String, who: String, minutes: Int, text: String, at date: Date) throws(StoreError) -> Int64 {
        let ticketID = try ticketID(number: number, for: "logging time")
        return try database.serialized { () throws(StoreError) -> Int64 in
            try database.run("INSERT INTO time_log (ticket_id, who, minutes, text, at) VALUES (?, ?, ?, ?, ?)",
                             ticketID, who, minutes, text, date)
            return database.lastInsertRowID
        }
    }
}
