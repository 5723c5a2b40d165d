import BuzonMIME

/// A ticket to open. The store assigns the number.
public struct NewTicketPlan: Sendable, Hashable {
    public var contact: Address
    /// nil for a ticket accepted from an unknown sender.
    public var organization: String?
    public var category: String
    /// From the mailbox (`Soporte`, `Ventas`).
    public var department: String
    /// The subject without reply prefixes or our tag; `(sin asunto)` when empty.
    public var subject: String
    /// The closed ticket this mail replied to after its reopen window passed (a later
    /// mail starts a new case that references the old number).
    public var relatedTicket: String?
    /// Notice language of the organization, nil = the gateway's.
    public var language: String?

    public init(contact: Address, organization: String?, category: String, department: String, subject: String,
                relatedTicket: String? = nil, language: String? = nil) {
        self.contact = contact
        self.organization = organization
        self.category = category
        self.department = department
        self.subject = subject
        self.relatedTicket = relatedTicket
        self.language = language
    }
}
