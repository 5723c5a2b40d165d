import BuzonMIME
import Foundation

extension DecisionEngine {
    /// A threaded message from someone allowed on the ticket.
    func followUp(_ mail: IncomingMail, sender: Address, identity: SenderIdentity, on ticket: TicketSnapshot,
                  rule: DecisionRule, lookup: TicketLookup, draft: inout DecisionDraft) throws -> Decision {
        if case .staff = identity {
            let reopens = ticket.state == .closed
            draft.note("staff answer on \(ticket.number): ticket → answered, sent to the customer" + (reopens ? " (was closed)" : ""))
            return draft.finish(.followUp(FollowUpPlan(ticket: ticket, author: .staff, reopens: reopens)), rule: rule)
        }
        let known = Set([Address.normalize(ticket.contact)]).union(ticket.participants.map(Address.normalize))
        let newParticipant = !known.contains(sender.normalized)
        if newParticipant { draft.note("\(sender.normalized) joins \(ticket.number) as a new participant") }
        guard ticket.state == .closed else {
            draft.note("customer reply on \(ticket.number): ticket → waiting on support")
            let plan = FollowUpPlan(ticket: ticket, author: .customer, newParticipant: newParticipant)
            if policy.acknowledgeFollowUps {
                try planNotice(.acknowledgement, to: sender, mail: mail, identity: identity, lookup: lookup, draft: &draft)
            } else {
                draft.note("no acknowledgement for a follow-up (acknowledge_follow_ups off)")
            }
            return draft.finish(.followUp(plan), rule: rule)
        }
        if let rating = RatingReply.rating(in: mail.reply) {
            draft.note("reply \"\(mail.reply)\" is a rating \(rating) of closed \(ticket.number): recorded, not reopened")
            let plan = FollowUpPlan(ticket: ticket, author: .customer, newParticipant: newParticipant, rating: rating)
            return draft.finish(.followUp(plan), rule: rule)
        }
        if withinReopenWindow(ticket, at: mail.receivedAt) {
            draft.note("\(ticket.number) closed \(closedText(ticket)), within the \(policy.reopenWindowDays)-day reopen window: reopens")
            let plan = FollowUpPlan(ticket: ticket, author: .customer, reopens: true, newParticipant: newParticipant)
            try planNotice(.reopened, to: sender, mail: mail, identity: identity, lookup: lookup, draft: &draft)
            return draft.finish(.followUp(plan), rule: rule)
        }
        draft.note("\(ticket.number) closed \(closedText(ticket)), past the \(policy.reopenWindowDays)-day reopen window: a new ticket naming it")
        return try newRequest(mail, sender: sender, identity: identity, related: ticket.number, lookup: lookup, draft: &draft)
    }

    /// A closed ticket without `closedAt` is treated as inside the window: reopening an old
    /// ticket is a smaller harm than splitting a live conversation.
    func withinReopenWindow(_ ticket: TicketSnapshot, at instant: Date) -> Bool {
        guard let closedAt = ticket.closedAt else { return true }
        return instant <= closedAt.addingTimeInterval(TimeInterval(policy.reopenWindowDays) * 86_400)
    }

    private func closedText(_ ticket: TicketSnapshot) -> String {
        ticket.closedAt.map { "at \(ISO8601DateFormatter().string(from: $0))" } ?? "(no close time)"
    }

    /// A request that continues no ticket: an organization member's new ticket (open-ticket
    /// limit applies, also to the new ticket that replaces a closed one past its window:
    /// it is a new request), or the unknown-sender policy.
    func newRequest(_ mail: IncomingMail, sender: Address, identity: SenderIdentity, related: String?,
                    lookup: TicketLookup, draft: inout DecisionDraft) throws -> Decision {
        guard case .member(let match) = identity else {
            return try unknownSender(mail, sender: sender, identity: identity, related: related, lookup: lookup, draft: &draft)
        }
        let organization = match.organization
        if let limit = organization.maxOpenTickets {
            let open = try lookup.openTicketCount(organization: organization.name)
            if open >= limit {
                draft.note("organization \(organization.name) has \(open) open tickets (limit \(limit)): new request held")
                try planNotice(.limitReached, to: sender, mail: mail, identity: identity, lookup: lookup, draft: &draft)
                return draft.finish(.hold(.openTicketLimit(organization: organization.name, limit: limit)), rule: .openTicketLimit)
            }
            draft.note("organization \(organization.name) has \(open) open tickets (limit \(limit))")
        }
        return try openTicket(mail, sender: sender, identity: identity, related: related, lookup: lookup, draft: &draft)
    }

    /// Reject, hold or accept, per the mailbox override or the gateway-wide policy. A sender
    /// who claims an authorized address that fails the authenticity check is held whatever the
    /// policy: it is a customer as often as a forger (a wrong `trusted_authserv_id`, a relay
    /// that drops the header), so a person decides, and nothing is sent to a possibly forged
    /// address.
    func unknownSender(_ mail: IncomingMail, sender: Address, identity: SenderIdentity, related: String?,
                       lookup: TicketLookup, draft: inout DecisionDraft) throws -> Decision {
        if let forged = identity.notAuthenticReason {
            draft.note("claimed identity not authentic: held for review whatever the unknown-sender policy, no notice")
            return draft.finish(.hold(.notAuthentic(forged)), rule: .unknownSender)
        }
        let policyValue = mail.mailbox.unknownSender ?? policy.unknownSender
        let source = mail.mailbox.unknownSender == nil ? "gateway-wide" : "mailbox \(mail.mailbox.name)"
        draft.note("unknown-sender policy (\(source)): \(policyValue.rawValue)")
        switch policyValue {
        case .reject:
            try planNotice(.notAuthorized, to: sender, mail: mail, identity: identity, lookup: lookup, draft: &draft)
            return draft.finish(.reject(.unknownSender), rule: .unknownSender)
        case .hold:
            draft.note("held for review, no notice")
            return draft.finish(.hold(.unknownSender), rule: .unknownSender)
        case .accept:
            return try openTicket(mail, sender: sender, identity: identity, related: related, lookup: lookup, draft: &draft)
        }
    }

    /// An operator approves a kept message (`buzon held approve`): it becomes a new ticket
    /// whatever rule kept it — the unknown-sender policy, authenticity, the open-ticket limit,
    /// staff mail naming no ticket. The operator vouches for the sender, so the organization
    /// that lists the address (if any) is the ticket's, authenticity aside; the ticket is
    /// planned like any new one (clean subject or "(sin asunto)", category, department,
    /// language) and its acknowledgement passes the loop guard. Nil when the message has no
    /// From address: there is no one to open a ticket for.
    public func approveHeld(_ mail: IncomingMail, keptID: Int64, lookup: TicketLookup) throws -> Decision? {
        guard let sender = mail.message.from else { return nil }
        var draft = DecisionDraft()
        draft.note("kept message \(keptID) approved by an operator")
        let identity: SenderIdentity = authorization.organization(of: sender.normalized).map { .member($0) }
            ?? .unknown(notAuthentic: nil)
        var decision = try openTicket(mail, sender: sender, identity: identity, related: nil, lookup: lookup, draft: &draft)
        decision.rule = .heldApproved
        return decision
    }

    private func openTicket(_ mail: IncomingMail, sender: Address, identity: SenderIdentity, related: String?,
                            lookup: TicketLookup, draft: inout DecisionDraft) throws -> Decision {
        let message = mail.message
        let matched = categorizer.matchingRule(subject: message.subject, text: mail.reply)
        let category = matched?.rule.name ?? categorizer.defaultCategory
        draft.note(matched.map { "category \(category): keyword \"\($0.keyword)\"" } ?? "category \(category): no keyword matched (default)")
        let cleaned = SubjectLine.clean(message.subject, reference: reference)
        let organization = identity.organization
        let plan = NewTicketPlan(contact: sender, organization: organization?.name, category: category,
                                 department: mail.mailbox.department, subject: cleaned.isEmpty ? "(sin asunto)" : cleaned,
                                 relatedTicket: related, language: organization?.language)
        draft.note("new ticket in department \(plan.department)" + (related.map { ", naming closed \($0)" } ?? ""))
        try planNotice(related == nil ? .acknowledgement : .newTicketForClosed, to: sender, mail: mail, identity: identity,
                       lookup: lookup, draft: &draft)
        return draft.finish(.newTicket(plan), rule: .newTicket)
    }
}
