/// The messages the desk sends, one template file each: `Templates/<lang>/<rawValue>.txt`.
public enum TemplateName: String, Sendable, CaseIterable, Hashable {
    /// A new ticket was opened: "your request has been received, its reference is …".
    case acknowledgement
    /// The sender is not authorized by any organization (unknown_sender = "reject").
    case notAuthorized = "not_authorized"
    /// The organization already has its maximum of open tickets (3 is common).
    case limitReached = "limit_reached"
    /// A reply reopened a closed ticket.
    case reopened
    /// The ticket closed itself after business days without a customer answer.
    case autoClosed = "auto_closed"
    /// A staff member's answer, carried in `{{message_text}}`.
    case staffReply = "staff_reply"
    /// Staff closed the ticket; invites a 1–5 rating by reply.
    case closed
    /// A second topic became its own ticket; the customer is told.
    case split

    /// The file name under the language directory.
    public var fileName: String { "\(rawValue).txt" }

    /// Messages about a ticket the customer may answer: their first body line must be
    /// `{{reply_marker}}` (so the trimmer cuts the quote) and their subject must carry
    /// `{{ticket_number}}` (so the answer threads back even without References).
    public var customerMayReply: Bool {
        switch self {
        case .notAuthorized, .limitReached: false
        case .acknowledgement, .reopened, .autoClosed, .staffReply, .closed, .split: true
        }
    }

    /// Placeholders the template must use, or the message would lose its point.
    public var requiredPlaceholders: [TemplatePlaceholder] {
        switch self {
        case .staffReply: [.messageText]
        case .split: [.relatedTicket]
        default: []
        }
    }
}
