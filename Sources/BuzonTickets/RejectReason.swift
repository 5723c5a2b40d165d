/// Why a message was refused (no ticket; a rate-limited notice at most). The message is still
/// kept (`buzon messages rejected`), so a refusal can be undone after a configuration fix.
public enum RejectReason: Sendable, Hashable {
    /// No organization authorizes the sender (only authorized addresses may write).
    case unknownSender
}

extension RejectReason {
    /// The stable English code stored with the kept message.
    public var code: String {
        switch self {
        case .unknownSender: "unknown_sender"
        }
    }

    /// What the code does not say, stored beside it (empty when the code says it all).
    public var particulars: String {
        switch self {
        case .unknownSender: ""
        }
    }
}

extension RejectReason: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unknownSender: return "unknown sender"
        }
    }
}
