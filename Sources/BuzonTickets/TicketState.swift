/// Where a ticket stands (pending response → answered → finished, as desks name them).
public enum TicketState: String, Sendable, Codable, CaseIterable {
    /// The customer wrote last; the desk owes an answer.
    case waitingOnSupport = "waiting_on_support"
    /// Staff answered; the customer may reply or the ticket auto-closes.
    case answered
    /// Finished by staff, by the customer or by the auto-close rule.
    case closed
}
