import BuzonMIME

extension DecisionEngine {
    /// Staff, organization member or unknown; a claimed identity whose authenticity fails is
    /// unknown, with the reason kept.
    func identify(_ sender: Address, message: Message, draft: inout DecisionDraft) -> SenderIdentity {
        let address = sender.normalized
        let claimed: SenderIdentity
        if authorization.isStaff(address) {
            draft.note("sender \(address) is staff")
            claimed = .staff
        } else if let match = authorization.organization(of: address) {
            draft.note("sender \(address) authorized by organization \(match.organization.name) (\(match.entry))")
            claimed = .member(match)
        } else {
            draft.note("sender \(address) is not authorized by any organization")
            return .unknown(notAuthentic: nil)
        }
        switch SenderAuthenticity.evaluate(message, trustedAuthservID: policy.trustedAuthservID) {
        case .unchecked:
            draft.note("authenticity not checked: no trusted_authserv_id configured")
            return claimed
        case .authentic(let how):
            draft.note("authenticity: \(how) (\(policy.trustedAuthservID ?? ""))")
            return claimed
        case .notAuthentic(let why):
            draft.note("sender \(address) not authentic: \(why) → treated as an unknown sender")
            return .unknown(notAuthentic: why)
        }
    }

    /// Whether this sender may write on `ticket`: staff always; an organization's ticket to
    /// the addresses that organization authorizes; a ticket without organization to its
    /// contact only. Unknown and unauthenticated senders see only tickets they opened
    /// themselves without organization.
    func mayWrite(on ticket: TicketSnapshot, sender: Address, identity: SenderIdentity) -> Bool {
        switch identity {
        case .staff:
            return true
        case .member(let match):
            if let organization = ticket.organization { return organization == match.organization.name }
            return sender.normalized == Address.normalize(ticket.contact)
        case .unknown:
            return ticket.organization == nil && sender.normalized == Address.normalize(ticket.contact)
        }
    }
}
