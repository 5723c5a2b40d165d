import Foundation

/// What an existing ticket looks like to the decision rules.
public struct TicketSnapshot: Sendable, Hashable {
    public var number: String
    /// Organization name, nil for tickets accepted from unknown senders.
    public var organization: String?
    /// Normalized address of the contact who opened it.
    public var contact: String
    public var state: TicketState
    public var closedAt: Date?
    /// Normalized addresses that already wrote on the ticket besides the contact (reply-all
    /// colleagues). Lets a decision tell a new participant from a known one.
    public var participants: Set<String>

    public init(number: String, organization: String?, contact: String, state: TicketState, closedAt: Date? = nil,
                participants: Set<String> = []) {
        self.number = number
        self.organization = organization
        self.contact = contact
        self.state = state
        self.closedAt = closedAt
        self.participants = participants
    }
}

/// A message the desk has already recorded under the same dedupe key.
public struct KnownMessage: Sendable, Hashable {
    /// Ticket it went to, nil when it was held, rejected or dropped.
    public var ticketNumber: String?
    public var mailbox: String

    public init(ticketNumber: String?, mailbox: String) {
        self.ticketNumber = ticketNumber
        self.mailbox = mailbox
    }
}

/// Read access the decision rules need. The SQLite store implements it inside the same
/// transaction that then records the decision, so a decision and its effects see one state.
public protocol TicketLookup {
    /// The earlier record of this message (same dedupe key), if any.
    func knownMessage(dedupeKey: String) throws -> KnownMessage?
    /// The ticket with this reference (`OP10044`), if any.
    func ticket(number: String) throws -> TicketSnapshot?
    /// The ticket that received or sent any of these Message-IDs (acknowledgements included).
    func ticket(referencingMessageIDs ids: [String]) throws -> TicketSnapshot?
    /// Tickets of the organization that are waiting on support or answered.
    func openTicketCount(organization: String) throws -> Int
    /// Automatic messages (acknowledgements, notices) queued to this address since `date`.
    func automaticMessagesSent(to address: String, since date: Date) throws -> Int
}
