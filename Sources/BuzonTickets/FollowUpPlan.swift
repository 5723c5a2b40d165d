/// A message added to an existing ticket.
public struct FollowUpPlan: Sendable, Hashable {
    /// Who wrote it: the state it moves the ticket to depends on it.
    public enum Author: String, Sendable, Hashable {
        case customer
        case staff
    }

    public var ticket: TicketSnapshot
    public var author: Author
    /// The ticket was closed and this message opens it again: a customer reply within the
    /// reopen window (→ waiting on support), or any staff answer (→ answered; staff may
    /// always write on a ticket, whatever its age).
    public var reopens: Bool
    /// A colleague of the organization joining the conversation (reply-all).
    public var newParticipant: Bool
    /// A rating 1–5 given in reply to a CLOSED ticket (the closing notice invites it); the ticket stays closed.
    public var rating: Int?

    public init(ticket: TicketSnapshot, author: Author, reopens: Bool = false, newParticipant: Bool = false,
                rating: Int? = nil) {
        self.ticket = ticket
        self.author = author
        self.reopens = reopens
        self.newParticipant = newParticipant
        self.rating = rating
    }

    /// The state after this message: staff → answered; a rating leaves it as it was;
    /// customer → waiting on support (a customer reply moves it back to pending).
    public var resultingState: TicketState {
        if rating != nil { return ticket.state }
        return author == .staff ? .answered : .waitingOnSupport
    }
}
