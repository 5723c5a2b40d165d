/// One connection to one IMAP folder. Implementations: `BuzonCurl.IMAPClient` (real),
/// `BuzonTesting.MemoryMailbox` (in memory, with injectable faults).
///
/// Contract: reading never changes a message's flags (`BODY.PEEK[]`); only `mark` and
/// `move` change server state, and the gateway calls them only after the ticket commit.
public protocol MailboxClient: AnyObject {
    /// Connects (if needed), selects the folder and reports its UIDVALIDITY and UIDNEXT.
    func open() throws(TransportError) -> MailboxStatus
    /// UIDs of messages to consider, ascending: UID greater than `afterUID`, not deleted,
    /// and when `unseenOnly` also without `\Seen`.
    func search(afterUID: UInt32, unseenOnly: Bool) throws(TransportError) -> [UInt32]
    /// Sizes on the server (RFC822.SIZE) of these messages; UIDs no longer present are left out.
    /// The poller sizes its batches in bytes from them.
    func sizes(uids: [UInt32]) throws(TransportError) -> [UInt32: Int]
    /// Exact bytes of these messages, in the order asked. A message larger than `maxBytes`
    /// comes back with only its first `maxBytes` bytes and `truncated = true`.
    func fetch(uids: [UInt32], maxBytes: Int) throws(TransportError) -> [FetchedMessage]
    /// What to do with a processed message: set `\Seen`, move it to a folder, or delete it.
    func mark(uid: UInt32, as action: AfterProcessing) throws(TransportError)
    /// The same action for several messages, in one command where the server allows it
    /// (`UID STORE 3,5:9 …`): the poller marks a committed batch at once.
    func mark(uids: [UInt32], as action: AfterProcessing) throws(TransportError)
    /// Closes the connection; the next `open()` reconnects.
    func close()
}

extension MailboxClient {
    /// One message at a time, for clients without a set form.
    public func mark(uids: [UInt32], as action: AfterProcessing) throws(TransportError) {
        for uid in uids { try mark(uid: uid, as: action) }
    }
}

public struct MailboxStatus: Sendable, Hashable {
    public var uidValidity: UInt32
    public var uidNext: UInt32
    public var messageCount: Int
    public init(uidValidity: UInt32, uidNext: UInt32, messageCount: Int) {
        self.uidValidity = uidValidity
        self.uidNext = uidNext
        self.messageCount = messageCount
    }
}

public struct FetchedMessage: Sendable, Hashable {
    public var uid: UInt32
    /// Size of the whole message on the server (RFC822.SIZE).
    public var size: Int
    public var bytes: [UInt8]
    /// True when `bytes` holds only the first part because the message exceeded the limit.
    public var truncated: Bool
    public init(uid: UInt32, size: Int, bytes: [UInt8], truncated: Bool = false) {
        self.uid = uid
        self.size = size
        self.bytes = bytes
        self.truncated = truncated
    }
}

/// What happens on the server to a message once its ticket is committed (config `after`).
public enum AfterProcessing: Sendable, Hashable {
    case seen
    case move(folder: String)
    case delete
    /// `\Seen` and `\Flagged`: a message kept where it is for an operator to look at (one
    /// stored only in part because it exceeded the size limit). Never a config value.
    case seenFlagged
}
