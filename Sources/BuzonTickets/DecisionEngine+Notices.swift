import BuzonMIME

extension DecisionEngine {
    /// Plans one notice, or records why it is suppressed: the loop guard (robots, our own
    /// mailboxes, noreply senders, the hourly rate limit) and senders whose authenticity
    /// failed (the From line may be forged: answering it would be backscatter).
    func planNotice(_ kind: NoticeKind, to recipient: Address, mail: IncomingMail, identity: SenderIdentity,
                    lookup: TicketLookup, draft: inout DecisionDraft) throws {
        let alreadyPlanned = draft.notices.filter { $0.to.normalized == recipient.normalized }.count
        var reason: String?
        if let forged = identity.notAuthenticReason {
            reason = "sender not authentic (\(forged)): no notice to a possibly forged address"
        } else {
            reason = try loopGuard.suppressionReason(answering: mail.message, to: recipient.address, mailbox: mail.mailbox,
                                                     now: mail.receivedAt, alreadyPlanned: alreadyPlanned, lookup: lookup)
        }
        if let reason {
            draft.suppressed.append(SuppressedNotice(kind: kind, to: recipient, reason: reason))
            draft.note("\(kind.rawValue) to \(recipient.normalized) suppressed: \(reason)")
        } else {
            draft.notices.append(PlannedNotice(kind: kind, to: recipient))
            draft.note("\(kind.rawValue) to \(recipient.normalized) planned")
        }
    }
}
