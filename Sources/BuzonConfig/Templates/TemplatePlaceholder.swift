/// A `{{name}}` a template may use. Unknown names are refused when templates load.
public enum TemplatePlaceholder: String, Sendable, CaseIterable, Hashable {
    /// `OP10044`.
    case ticketNumber = "ticket_number"
    /// The ticket's subject (the customer's original subject, cleaned).
    case ticketSubject = "ticket_subject"
    /// Display name of the contact; their address when the mail had no name.
    case contactName = "contact_name"
    case contactAddress = "contact_address"
    /// Organization name; empty for tickets accepted from unknown senders.
    case organization
    case department
    case category
    /// "Reply above this line" marker of the message's language.
    case replyMarker = "reply_marker"
    /// `[smtp] from_name`.
    case deskName = "desk_name"
    /// The address the customer wrote to.
    case mailboxAddress = "mailbox_address"
    /// For `staff_reply`: what the staff member wrote.
    case messageText = "message_text"
    case staffName = "staff_name"
    /// For `split`: the ticket the topic came from; for a new ticket after an auto-close: the old one.
    case relatedTicket = "related_ticket"
    /// For `limit_reached`: the organization's `max_open_tickets` and how many are open.
    case openTicketLimit = "open_ticket_limit"
    case openTicketCount = "open_ticket_count"
    /// Subject of the mail being answered (for notices sent without a ticket).
    case originalSubject = "original_subject"
    /// When the event happened, in the desk's time zone.
    case date
    /// For `acknowledgement`: when the message exceeded the size limit and was kept only in
    /// part, a new line saying so (in the template's language); empty otherwise. Write it at
    /// the end of a line.
    case oversizedNote = "oversized_note"

    /// `ticket_number, ticket_subject, …` for error messages.
    static var knownList: String {
        allCases.map(\.rawValue).joined(separator: ", ")
    }
}
