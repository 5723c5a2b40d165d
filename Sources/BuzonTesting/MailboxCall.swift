import BuzonTransport

/// One call a `MemoryMailbox` received, in order, for assertions on what the gateway did.
public enum MailboxCall: Sendable, Hashable {
    case open
    case search(afterUID: UInt32, unseenOnly: Bool)
    case fetch(uids: [UInt32], maxBytes: Int)
    case mark(uid: UInt32, action: AfterProcessing)
    case close
}
