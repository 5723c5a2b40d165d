import Foundation

extension TicketStore {
    /// The header end of the most recent incoming mail, ticketed or kept, newest first: the
    /// first `prefixBytes` of each raw message (enough for the header block of ordinary mail),
    /// at most `limit` of them. For checks over what the servers actually deliver, such as
    /// whether mail carries the configured `Authentication-Results`.
    public func recentIncomingHeads(limit: Int, prefixBytes: Int = 16_384) throws(StoreError) -> [[UInt8]] {
        let ticketed = try database.query("""
            SELECT substr(r.bytes, 1, ?1), m.received_at FROM messages m JOIN raw_messages r ON r.sha256 = m.raw_sha256
            WHERE m.direction = 'in' ORDER BY m.received_at DESC, m.id DESC LIMIT ?2
            """, prefixBytes, limit) { row in (row.blob(0), row.date(1)) }
        let kept = try database.query("""
            SELECT substr(raw, 1, ?1), received_at FROM held_messages ORDER BY received_at DESC, id DESC LIMIT ?2
            """, prefixBytes, limit) { row in (row.blob(0), row.date(1)) }
        return (ticketed + kept).sorted { $0.1 > $1.1 }.prefix(limit).map(\.0)
    }
}
