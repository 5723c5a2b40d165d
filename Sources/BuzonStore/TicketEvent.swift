import Foundation

/// Something that happened to a ticket, for its history.
public struct TicketEvent: Sendable, Hashable {
    public var id: Int64
    public var type: EventType
    public var at: Date
    public var detail: String
    /// Who did it (a staff address, `system`), when known.
    public var actor: String?
}
