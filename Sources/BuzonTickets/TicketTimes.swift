import Foundation

/// The timestamps of a ticket that the clock rules read (placed, each answer,
/// each new request, closure).
public struct TicketTimes: Sendable, Hashable {
    public var state: TicketState
    /// When the ticket was opened (the first message was received).
    public var createdAt: Date
    /// The first staff answer, nil while none was sent.
    public var firstResponseAt: Date?
    /// The latest staff answer that moved the ticket to `answered`.
    public var answeredAt: Date?
    /// The latest event of any kind (message, note, state change).
    public var updatedAt: Date
    public var closedAt: Date?

    public init(state: TicketState, createdAt: Date, firstResponseAt: Date? = nil, answeredAt: Date? = nil,
                updatedAt: Date? = nil, closedAt: Date? = nil) {
        self.state = state
        self.createdAt = createdAt
        self.firstResponseAt = firstResponseAt
        self.answeredAt = answeredAt
        self.updatedAt = updatedAt ?? createdAt
        self.closedAt = closedAt
    }
}
