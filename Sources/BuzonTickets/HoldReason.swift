/// Why a message waits for a person to approve or discard it (`buzon held`).
public enum HoldReason: Sendable, Hashable {
    /// No organization authorizes the sender and the policy says hold.
    case unknownSender
    /// The sender claims an authorized address but our MX did not verify it (whatever the
    /// unknown-sender policy: a wrong `trusted_authserv_id` must not silently refuse customers).
    case notAuthentic(String)
    /// The organization already has `limit` tickets pending or answered (3 is common).
    case openTicketLimit(organization: String, limit: Int)
    /// Staff wrote to the desk without naming a ticket: staff mail is an answer to a
    /// customer, and there is no customer to send it to. Held so a person links or drops it.
    case staffWithoutTicket
    /// No usable From address.
    case missingSender
}

extension HoldReason {
    /// The stable English code stored with the kept message (`buzon held list --json`).
    public var code: String {
        switch self {
        case .unknownSender: "unknown_sender"
        case .notAuthentic: "not_authentic"
        case .openTicketLimit: "open_ticket_limit"
        case .staffWithoutTicket: "staff_without_ticket"
        case .missingSender: "missing_sender"
        }
    }

    /// What the code does not say, stored beside it with the kept message (empty when the code
    /// says it all). The words for people come from the code, in the desk's language.
    public var particulars: String {
        switch self {
        case .notAuthentic(let why): why
        case .openTicketLimit(let organization, let limit): "\(organization): limit of \(limit) open tickets"
        case .unknownSender, .staffWithoutTicket, .missingSender: ""
        }
    }
}

extension HoldReason: CustomStringConvertible {
    /// Words for logs, `buzon held` and the decision summary.
    public var description: String {
        switch self {
        case .unknownSender: return "unknown sender"
        case .notAuthentic(let why): return "sender not authentic (\(why))"
        case .openTicketLimit(let organization, let limit): return "\(organization) has reached its limit of \(limit) open tickets"
        case .staffWithoutTicket: return "staff mail naming no ticket"
        case .missingSender: return "no usable From address"
        }
    }
}
