import Foundation

/// A message kept for review (unknown sender under the `hold` policy) instead of opening a ticket.
public struct HeldMessage: Sendable, Hashable {
    public var mailbox: String
    public var fromAddress: String
    public var subject: String
    public var reason: String
    public var raw: [UInt8]
    public var receivedAt: Date

    public init(mailbox: String, fromAddress: String, subject: String, reason: String, raw: [UInt8], receivedAt: Date) {
        self.mailbox = mailbox
        self.fromAddress = fromAddress
        self.subject = subject
        self.reason = reason
        self.raw = raw
        self.receivedAt = receivedAt
    }
}
