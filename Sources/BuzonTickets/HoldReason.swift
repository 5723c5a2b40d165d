/// Why a message waits for a person to approve or discard it (`buzon held`).
public enum HoldReason: Sendable, Hashable {
    /// No organization authorizes the sender and the policy says hold.
    case unknownSender
    /// The sender claims an authorized address but our MX did not verify it, policy hold.
    case notAuthentic(String)
    /// The organization already has `limit` tickets pending or answered (seed 002: 3).
    case openTicketLimit(organization: String, limit: Int)
    /// Staff wrote to the desk without naming a ticket: staff mail is an answer to a
    /// customer, and there is no customer to send it to. Held so a person links or drops it.
    case staffWithoutTicket
    /// No usable From address.
    case missingSender
}
