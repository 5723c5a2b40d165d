import BuzonMIME
import Foundation

/// One received message, as the decision rules see it: parsed, trimmed, keyed.
public struct IncomingMail: Sendable {
    public var message: Message
    /// The new text of the reply (quotes and signature trimmed), used for categories and ratings.
    public var reply: String
    /// The mailbox it arrived through.
    public var mailbox: MailboxContext
    /// When the gateway fetched it: the "now" of every time rule (reopen window, rate limit).
    public var receivedAt: Date
    /// `DedupeKey.make(message:raw:)` of the raw bytes.
    public var dedupeKey: String

    public init(message: Message, reply: String, mailbox: MailboxContext, receivedAt: Date, dedupeKey: String) {
        self.message = message
        self.reply = reply
        self.mailbox = mailbox
        self.receivedAt = receivedAt
        self.dedupeKey = dedupeKey
    }

    /// The usual construction: the dedupe key computed from the raw bytes as received.
    public init(message: Message, raw: [UInt8], reply: String, mailbox: MailboxContext, receivedAt: Date) {
        self.init(message: message, reply: reply, mailbox: mailbox, receivedAt: receivedAt,
                  dedupeKey: DedupeKey.make(message: message, raw: raw))
    }
}
