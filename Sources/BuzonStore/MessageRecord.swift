import Foundation

/// A message to record on a ticket (or on none: held, rejected), incoming or outgoing.
public struct MessageRecord: Sendable, Hashable {
    /// nil when the message belongs to no ticket.
    public var ticketNumber: String?
    public var direction: MessageDirection
    public var author: MessageAuthor
    public var fromAddress: String
    public var fromName: String?
    public var to: [String]
    public var cc: [String]
    /// Message-ID as the gateway normalizes it (compared exactly by `ticket(referencingMessageIDs:)`).
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String]
    public var subject: String
    /// The new text of the message, quotes trimmed.
    public var reply: String
    /// The full text.
    public var body: String
    /// The raw message, kept verbatim and deduplicated by SHA-256 in `raw_messages`; nil to keep none.
    public var raw: [UInt8]?
    public var mailbox: String?
    public var receivedAt: Date

    public init(
        ticketNumber: String?, direction: MessageDirection, author: MessageAuthor, fromAddress: String,
        fromName: String? = nil, to: [String] = [], cc: [String] = [], messageID: String? = nil,
        inReplyTo: String? = nil, references: [String] = [], subject: String, reply: String, body: String,
        raw: [UInt8]? = nil, mailbox: String? = nil, receivedAt: Date
    ) {
        self.ticketNumber = ticketNumber
        self.direction = direction
        self.author = author
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.to = to
        self.cc = cc
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.subject = subject
        self.reply = reply
        self.body = body
        self.raw = raw
        self.mailbox = mailbox
        self.receivedAt = receivedAt
    }
}
