import BuzonTickets
import Foundation

extension TicketStore {
    /// Everyone who wrote to the ticket (incoming senders, normalized), so the decision rules
    /// can tell a colleague joining a reply-all from a known participant, and staff answers
    /// reach every customer on the conversation.
    public func participants(ofTicket number: String) throws(StoreError) -> Set<String> {
        Set(try database.query("""
            SELECT DISTINCT lower(m.from_address) FROM messages m JOIN tickets t ON t.id = m.ticket_id
            WHERE t.number = ? AND m.direction = 'in' AND m.author = 'customer' AND m.from_address <> ''
            """, number) { $0.string(0) })
    }

    /// Ticket counts by state (all states present, zero when none), for metrics and `status`.
    public func ticketCountsByState() throws(StoreError) -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: TicketState.allCases.map { ($0.rawValue, 0) })
        for (state, count) in try database.query("SELECT state, count(*) FROM tickets GROUP BY state", map: { ($0.string(0), $0.int(1)) }) {
            counts[state] = count
        }
        return counts
    }

    func withParticipants(_ snapshot: TicketSnapshot) throws(StoreError) -> TicketSnapshot {
        var snapshot = snapshot
        snapshot.participants = try participants(ofTicket: snapshot.number)
        return snapshot
    }
}
