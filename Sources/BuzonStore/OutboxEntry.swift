import Foundation

/// A row of the outbox with its delivery state.
public struct OutboxEntry: Sendable, Hashable {
    public var id: Int64
    public var message: OutboxMessage
    public var status: OutboxStatus
    /// Failed tries so far.
    public var attempts: Int
    public var lastError: String?
    public var sentAt: Date?
}
