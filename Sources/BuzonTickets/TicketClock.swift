import Foundation

/// Where a ticket stands against the desk's clocks at one instant (`buzon list` colours,
/// the auto-close sweep).
public struct TicketClock: Sendable, Hashable {
    /// The first answer is due by this instant (created + N business hours).
    public var firstResponseDue: Date
    /// No staff answer yet, the ticket is not closed, and `now` is past the due instant.
    public var firstResponseOverdue: Bool
    /// Not closed and no update for `staleAfterHours` WALL-CLOCK hours (a desk rule: "a ticket
    /// with no note for 24 hours turns red" — a desk reading this on Monday morning sees the
    /// tickets nobody touched over the weekend).
    public var stale: Bool
    /// When an answered ticket closes itself; nil unless the ticket is `answered`.
    public var autoCloseAt: Date?
    /// `now ≥ autoCloseAt`.
    public var autoCloseDue: Bool

    public init(firstResponseDue: Date, firstResponseOverdue: Bool, stale: Bool, autoCloseAt: Date?, autoCloseDue: Bool) {
        self.firstResponseDue = firstResponseDue
        self.firstResponseOverdue = firstResponseOverdue
        self.stale = stale
        self.autoCloseAt = autoCloseAt
        self.autoCloseDue = autoCloseDue
    }
}
