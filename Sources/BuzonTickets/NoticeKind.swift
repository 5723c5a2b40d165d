/// Automatic messages the desk sends; each has a template in the gateway.
public enum NoticeKind: String, Sendable, Hashable, CaseIterable {
    /// "Su solicitud … ha sido recibida" for a new ticket (and follow-ups when configured).
    case acknowledgement
    /// The acknowledgement of a new ticket that names an older, closed one.
    case newTicketForClosed = "new_ticket_for_closed"
    /// The ticket was closed and the customer's reply opened it again.
    case reopened
    /// The sender is not authorized to open tickets by e-mail.
    case notAuthorized = "not_authorized"
    /// The organization reached its limit of open tickets; the request is held.
    case limitReached = "limit_reached"
}
