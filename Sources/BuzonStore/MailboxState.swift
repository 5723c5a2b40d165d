import Foundation

/// What the poller of one mailbox has done so far.
public struct MailboxState: Sendable, Hashable {
    public var name: String
    /// IMAP UIDVALIDITY the `lastUID` belongs to; a change means the UIDs were renumbered (RFC 3501 §2.3.1.1).
    public var uidValidity: Int64?
    /// Highest UID fully processed.
    public var lastUID: Int64
    /// Set while the mailbox is bootstrapped: UIDs up to this one count only when unseen (mail
    /// read before Buzón first looked is history); nil once the poller is past it.
    public var unseenThrough: Int64? = nil
    public var lastPollAt: Date?
    /// The last poll's error, cleared by the next successful save.
    public var lastError: String?
    /// Messages that could not be processed and were set aside.
    public var deadLetters: Int
}
