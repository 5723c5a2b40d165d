/// The kind of a ticket event: a closed vocabulary, so every producer and the CLI spell a kind
/// the same way and a reader can list every kind the timeline may hold. The raw value is the
/// English code stored in the `events.type` text column, shown by `buzon tickets show` and
/// its JSON; a new kind is a new case here (the column needs no migration).
public enum EventType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A ticket was opened (by a message, a split, an approved held message).
    case created
    /// The customer (or a colleague of theirs) wrote again on an open ticket.
    case customerReplied = "customer_replied"
    /// Staff answered, by mail or from the command line (`buzon reply`).
    case staffReplied = "staff_replied"
    case acknowledgementQueued = "acknowledgement_queued"
    /// Any other notice queued in the outbox, or a staff answer not queued because everyone had it.
    case noticeQueued = "notice_queued"
    case noticeSent = "notice_sent"
    case noticeFailed = "notice_failed"
    case reopened
    case closed
    case autoClosed = "auto_closed"
    /// A copy of an already recorded message arrived through another mailbox.
    case duplicateIgnored = "duplicate_ignored"
    /// A bounce threaded to the ticket (recorded, never answered).
    case bounceReceived = "bounce_received"
    /// An auto-reply or other automatic mail threaded to the ticket (recorded, never answered).
    case autoReplyReceived = "auto_reply_received"
    /// A message named this ticket but its sender may not see it; it went elsewhere.
    case foreignReferenceIgnored = "foreign_reference_ignored"
    /// A customer replied after the reopen window: the new ticket named in the detail follows this one.
    case followedBy = "followed_by"
    /// A new address joined the conversation (a colleague copied by the customer).
    case participantAdded = "participant_added"
    /// The message exceeded the size limit and was stored in part.
    case oversized
    /// An operator approved a held message into this ticket (`buzon held approve`).
    case heldApproved = "held_approved"
    case note
    case timeLogged = "time_logged"
    case split
    case rating

    public var description: String { rawValue }
}
