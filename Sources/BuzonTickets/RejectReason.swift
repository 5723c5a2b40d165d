/// Why a message was refused (no ticket; a rate-limited notice at most).
public enum RejectReason: Sendable, Hashable {
    /// No organization authorizes the sender (seed 001: only authorized addresses).
    case unknownSender
    /// The sender claims an authorized address that our MX did not verify; the text says why.
    case notAuthentic(String)
}

extension RejectReason: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unknownSender: return "unknown sender"
        case .notAuthentic(let why): return "sender not authentic (\(why))"
        }
    }
}
