/// Who wrote a message on a ticket.
public enum MessageAuthor: String, Sendable, Codable, CaseIterable {
    case customer
    case staff
    /// Acknowledgements and notices the gateway wrote itself.
    case system
}
