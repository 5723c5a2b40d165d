import BuzonMIME

extension DecisionEngine {
    /// Finds the ticket a message continues, in order: (1) a plus-address of THIS mailbox
    /// among To/Cc, (2) the reference in the subject, (3) In-Reply-To, (4) References, each
    /// naming a Message-ID the ticket received or sent.
    ///
    /// With an `identity`, a candidate the sender may not see is skipped (recorded as
    /// `ignoredReference`, the first one only) and the next method is tried: a foreign number
    /// in a subject never lands a message on another organization's ticket. Without one
    /// (automatic mail, our own mailboxes) the first candidate is taken.
    func thread(_ mail: IncomingMail, sender: Address?, identity: SenderIdentity?, lookup: TicketLookup,
                draft: inout DecisionDraft) throws -> (ticket: TicketSnapshot, rule: DecisionRule)? {
        let message = mail.message
        if let number = reference.find(inRecipients: message.to + message.cc, mailboxAddress: mail.mailbox.address),
           let ticket = try candidate(number, how: "plus-address \(plusAddress(number, mail)) → \(number)",
                                      lookup: lookup, sender: sender, identity: identity, draft: &draft) {
            return (ticket, .plusAddress)
        }
        if let number = reference.find(inSubject: message.subject),
           let ticket = try candidate(number, how: "subject reference \(number) in \"\(message.subject)\"",
                                      lookup: lookup, sender: sender, identity: identity, draft: &draft) {
            return (ticket, .subjectReference)
        }
        let byHeader: [(ids: [String], rule: DecisionRule, name: String)] = [
            (message.inReplyTo, .inReplyTo, "In-Reply-To"),
            (message.references.reversed(), .references, "References"),
        ]
        for (ids, rule, name) in byHeader where !ids.isEmpty {
            guard let ticket = try lookup.ticket(referencingMessageIDs: ids) else {
                draft.note("\(name) names no Message-ID of any ticket")
                continue
            }
            let how = "\(name) <\(ids[0])> → \(ticket.number)"
            if accessible(ticket, how: how, sender: sender, identity: identity, draft: &draft) { return (ticket, rule) }
        }
        if identity != nil {
            draft.note(draft.ignoredReference == nil
                ? "threads to no ticket (no usable plus-address, subject reference, In-Reply-To or References)"
                : "threads to no ticket \(sender?.normalized ?? "the sender") may write on")
        }
        return nil
    }

    /// Looks a referenced number up and checks access; nil (with a trail line) otherwise.
    private func candidate(_ number: String, how: String, lookup: TicketLookup, sender: Address?,
                           identity: SenderIdentity?, draft: inout DecisionDraft) throws -> TicketSnapshot? {
        guard let ticket = try lookup.ticket(number: number) else {
            draft.note("\(how), but no such ticket exists")
            return nil
        }
        return accessible(ticket, how: how, sender: sender, identity: identity, draft: &draft) ? ticket : nil
    }

    private func accessible(_ ticket: TicketSnapshot, how: String, sender: Address?, identity: SenderIdentity?,
                            draft: inout DecisionDraft) -> Bool {
        guard let identity, let sender else {
            draft.note(how)
            return true
        }
        if mayWrite(on: ticket, sender: sender, identity: identity) {
            draft.note(how)
            return true
        }
        let owner = ticket.organization.map { "organization \($0)" } ?? "its contact \(ticket.contact)"
        draft.note("\(how): foreign reference \(ticket.number) ignored, \(sender.normalized) may not write on a ticket of \(owner)")
        if draft.ignoredReference == nil { draft.ignoredReference = ticket.number }
        return false
    }

    private func plusAddress(_ number: String, _ mail: IncomingMail) -> String {
        let mailbox = Address(address: mail.mailbox.address)
        return mailbox.localPart + "+" + number + "@" + mailbox.domain
    }
}
