import Foundation

/// A fully built message to send; stored in the same transaction as the decision that made it.
public struct OutboxMessage: Sendable, Hashable {
    public var ticketNumber: String?
    /// Which template produced it (`acknowledgement`, `not_authorized`…).
    public var template: String
    /// SMTP `MAIL FROM` (empty for bounces-of-bounces protection: `<>`).
    public var envelopeFrom: String
    /// SMTP `RCPT TO` addresses.
    public var recipients: [String]
    /// The Message-ID written in `bytes`, so replies to it thread back to the ticket.
    public var messageID: String?
    /// The message, CRLF line endings, ready for DATA.
    public var bytes: [UInt8]
    /// Acknowledgements and notices: they count against the per-sender rate limit (RFC 3834 §2).
    public var automatic: Bool
    public var createdAt: Date
    /// When the sender may first try it; defaults to `createdAt`.
    public var nextAttemptAt: Date

    public init(
        ticketNumber: String?, template: String, envelopeFrom: String, recipients: [String],
        messageID: String?, bytes: [UInt8], automatic: Bool, createdAt: Date, nextAttemptAt: Date? = nil
    ) {
        self.ticketNumber = ticketNumber
        self.template = template
        self.envelopeFrom = envelopeFrom
        self.recipients = recipients
        self.messageID = messageID
        self.bytes = bytes
        self.automatic = automatic
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt ?? createdAt
    }
}
