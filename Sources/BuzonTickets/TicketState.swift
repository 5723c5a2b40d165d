/// Where a ticket stands (seed 002: pending response → answered → finished).
public enum TicketState: String, Sendable, Codable, CaseIterable {
    /// The customer wrote last; the desk owes an answer.
    case waitingOnSupport = "waiting_on_support"
    /// Staff answered; the customer may reply or the ticket auto-closes.
    case answered
    /// Finished by staff, by the customer or by the auto-close rule.
    case closed
}
