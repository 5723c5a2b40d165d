import Foundation

/// Time a person logged on a ticket.
public struct TimeEntry: Sendable, Hashable {
    public var id: Int64
    public var who: String
    public var minutes: Int
    public var text: String
    public var at: Date
}
