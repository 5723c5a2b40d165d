import BuzonMIME
import Foundation

/// The decision rules of the desk: one incoming message in, one `Decision` out.
///
/// Order (each step writes a line to the trail):
/// 1. duplicate (dedupe key already recorded) → `.duplicate`;
/// 2. no From → hold; from our own mailboxes → record only (kept when it threads to no ticket);
/// 3. automatic mail (auto-reply, bounce, list, our loop header) → record only, on its ticket
///    when it threads — it never opens a ticket and never gets a notice;
/// 4. who the sender is: staff, a member of an organization (exact address over `@domain`),
///    or unknown; a claimed identity failing the authenticity check counts as unknown;
/// 5. threading: plus-address of this mailbox, subject reference, In-Reply-To, References —
///    followed only when the sender may see that ticket;
/// 6. threaded → follow-up (reopen within the window, rating on a closed ticket, new ticket
///    naming the old one after the window); not threaded → new ticket (open-ticket limit),
///    staff without ticket → hold, unknown sender → the mailbox's or gateway's policy;
/// 7. every notice passes the loop guard.
///
/// Pure: reads only through `TicketLookup`, and the only clock is `IncomingMail.receivedAt`.
public struct DecisionEngine: Sendable {
    public let policy: DeskPolicy
    let authorization: Authorization
    let reference: TicketReference
    let loopGuard: LoopGuard
    let categorizer: Categorizer

    public init(policy: DeskPolicy) {
        self.policy = policy
        authorization = Authorization(policy: policy)
        reference = TicketReference(prefix: policy.ticketPrefix)
        loopGuard = LoopGuard(policy: policy)
        categorizer = Categorizer(policy: policy)
    }

    /// Decides what `mail` does to the desk. Throws only what `lookup` throws.
    public func decide(_ mail: IncomingMail, lookup: TicketLookup) throws -> Decision {
        var draft = DecisionDraft()
        if let known = try lookup.knownMessage(dedupeKey: mail.dedupeKey) {
            let ticket = known.ticketNumber.map { " on \($0)" } ?? ""
            draft.note("duplicate: already recorded from mailbox \(known.mailbox)\(ticket) under \(mail.dedupeKey)")
            return draft.finish(.duplicate(known), rule: .duplicate)
        }
        return try decideUnrecorded(mail, lookup: lookup, draft: &draft)
    }

    /// Decides a kept message again with the current configuration (`buzon messages
    /// reprocess`, after an operator authorized a sender or fixed `trusted_authserv_id`):
    /// every rule but the duplicate check, since the ledger entry under its key is its own.
    public func redecide(_ mail: IncomingMail, lookup: TicketLookup) throws -> Decision {
        var draft = DecisionDraft()
        draft.note("decided again: the ledger entry under \(mail.dedupeKey) is this message's own")
        return try decideUnrecorded(mail, lookup: lookup, draft: &draft)
    }

    /// Steps 2 to 7, for a message not yet in the ledger (or decided again).
    private func decideUnrecorded(_ mail: IncomingMail, lookup: TicketLookup, draft: inout DecisionDraft) throws -> Decision {
        let automatic = LoopGuard.automaticEvidence(mail.message)
        guard let sender = mail.message.from, sender.address.contains("@") else {
            if let automatic { return try recordAutomatic(mail, automatic, lookup: lookup, draft: &draft) }
            draft.note("no usable From address: held for review")
            return draft.finish(.hold(.missingSender), rule: .missingSender)
        }
        if authorization.isOwnAddress(sender.address, extra: [mail.mailbox.address]) {
            draft.note("sender \(sender.normalized) is one of our own mailboxes: recorded only, never a ticket")
            let ticket = try thread(mail, sender: sender, identity: nil, lookup: lookup, draft: &draft)
            if ticket == nil, let automatic {
                draft.note("threads to no ticket, automatic (\(automatic.evidence)): kept in the ledger only")
            } else if ticket == nil {
                draft.note("threads to no ticket: kept with the rejected messages")
            }
            return draft.finish(.recordOnly(ticket: ticket?.ticket, reason: .fromOwnMailbox(sender.normalized)),
                                rule: .ownMailbox)
        }
        if let automatic { return try recordAutomatic(mail, automatic, lookup: lookup, draft: &draft) }

        let identity = identify(sender, message: mail.message, draft: &draft)
        if let threaded = try thread(mail, sender: sender, identity: identity, lookup: lookup, draft: &draft) {
            return try followUp(mail, sender: sender, identity: identity, on: threaded.ticket, rule: threaded.rule,
                                lookup: lookup, draft: &draft)
        }
        switch identity {
        case .staff:
            draft.note("staff mail names no ticket: held (staff mail is an answer and needs a ticket to go to)")
            return draft.finish(.hold(.staffWithoutTicket), rule: .staffWithoutTicket)
        case .member, .unknown:
            return try newRequest(mail, sender: sender, identity: identity, related: nil, lookup: lookup, draft: &draft)
        }
    }

    /// Auto-replies, bounces and looped mail: an event on the ticket they thread to, or the
    /// ledger only. Threading is not access-checked here: a bounce comes from a robot no
    /// organization lists, and recording an event changes nothing on the ticket.
    func recordAutomatic(_ mail: IncomingMail, _ automatic: AutoGenerated, lookup: TicketLookup,
                         draft: inout DecisionDraft) throws -> Decision {
        draft.note("automatic mail (\(automatic.kind.rawValue): \(automatic.evidence)): never opens a ticket, never acknowledged")
        var threaded = try thread(mail, sender: mail.message.from, identity: nil, lookup: lookup, draft: &draft)
        if threaded == nil, automatic.isBounce {
            threaded = try threadByReturnedMessage(mail.message, lookup: lookup, draft: &draft)
        }
        if let threaded {
            draft.note("recorded as an event on \(threaded.ticket.number); its state does not change")
        } else {
            draft.note("threads to no ticket: kept in the ledger only")
        }
        return draft.finish(.recordOnly(ticket: threaded?.ticket, reason: .autoGenerated(automatic)), rule: .autoGenerated)
    }

    /// A bounce threads through the Message-ID of the message it returns (our acknowledgement).
    private func threadByReturnedMessage(_ message: Message, lookup: TicketLookup,
                                         draft: inout DecisionDraft) throws -> (ticket: TicketSnapshot, rule: DecisionRule)? {
        let ids = BouncedMessage.messageIDs(in: message)
        guard !ids.isEmpty, let ticket = try lookup.ticket(referencingMessageIDs: ids) else { return nil }
        draft.note("returned message <\(ids[0])> → \(ticket.number)")
        return (ticket, .bouncedMessage)
    }
}
