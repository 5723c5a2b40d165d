import BuzonTickets
import Foundation

/// A ticket as the CLI lists it: its columns plus how many messages it holds.
public struct TicketSummary: Sendable, Hashable {
    public var number: String
    public var subject: String
    public var organization: String?
    public var contactAddress: String
    public var contactName: String?
    public var department: String
    public var category: String
    public var priority: String
    public var state: TicketState
    public var messageCount: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var firstResponseAt: Date?
    /// Last staff reply.
    public var answeredAt: Date?
    public var closedAt: Date?
    public var relatedTicket: String?
    public var language: String?

    /// The view the decision rules need.
    public var snapshot: TicketSnapshot {
        TicketSnapshot(number: number, organization: organization, contact: contactAddress, state: state, closedAt: closedAt)
    }
}
