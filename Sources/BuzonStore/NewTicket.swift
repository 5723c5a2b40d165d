import BuzonTickets
import Foundation

/// A ticket about to be created; the number comes from `TicketStore.allocateTicketNumber`.
public struct NewTicket: Sendable, Hashable {
    public var number: String
    public var subject: String
    /// nil for tickets accepted from unknown senders.
    public var organization: String?
    /// Normalized address of the contact who opened it.
    public var contactAddress: String
    public var contactName: String?
    public var department: String
    public var category: String
    public var priority: String
    public var state: TicketState
    public var createdAt: Date
    /// The old closed ticket this one continues (a reply after the reopen window).
    public var relatedTicket: String?
    public var language: String?

    public init(
        number: String, subject: String, organization: String?, contactAddress: String,
        contactName: String? = nil, department: String, category: String, priority: String = "normal",
        state: TicketState = .waitingOnSupport, createdAt: Date, relatedTicket: String? = nil, language: String? = nil
    ) {
        self.number = number
        self.subject = subject
        self.organization = organization
        self.contactAddress = contactAddress
        self.contactName = contactName
        self.department = department
        self.category = category
        self.priority = priority
        self.state = state
        self.createdAt = createdAt
        self.relatedTicket = relatedTicket
        self.language = language
    }
}
