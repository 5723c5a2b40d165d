/// Hands one finished message to an SMTP server. Implementations: `BuzonCurl.SMTPSender`,
/// `BuzonTesting.MemorySender`.
public protocol MailSender: AnyObject {
    /// Returns when the server accepted the message for every recipient, throws otherwise.
    /// `TransportError.isTemporary` tells the outbox whether to retry (4xx, network) or give up (5xx).
    func send(_ envelope: Envelope, message: [UInt8]) throws(TransportError)
}

/// SMTP envelope: reverse path and recipients, separate from the header fields.
public struct Envelope: Sendable, Hashable {
    /// `MAIL FROM` address; empty for the null reverse path (RFC 3834 §3.3 suggests it for auto-replies).
    public var from: String
    public var recipients: [String]
    public init(from: String, recipients: [String]) {
        self.from = from
        self.recipients = recipients
    }
}
