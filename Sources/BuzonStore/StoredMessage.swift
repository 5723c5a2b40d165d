import Foundation

/// A message as read back from the store, with its attachments.
public struct StoredMessage: Sendable, Hashable {
    public var id: Int64
    public var ticketNumber: String?
    public var direction: MessageDirection
    public var author: MessageAuthor
    public var fromAddress: String
    public var fromName: String?
    public var to: [String]
    public var cc: [String]
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String]
    public var subject: String
    public var reply: String
    public var body: String
    /// Key of the raw bytes for `TicketStore.rawMessage(sha256:)`.
    public var rawSHA256: String?
    public var mailbox: String?
    public var receivedAt: Date
    public var attachments: [AttachmentRecord]
}
