extension Decision {
    /// The effect on the desk.
    public enum Outcome: Sendable, Hashable {
        /// Already recorded under the same dedupe key: nothing to do.
        case duplicate(KnownMessage)
        case newTicket(NewTicketPlan)
        case followUp(FollowUpPlan)
        /// Kept for a person to approve or discard.
        case hold(HoldReason)
        case reject(RejectReason)
        /// Written to the ledger (and as an event on `ticket` when it threads); no state change.
        case recordOnly(ticket: TicketSnapshot?, reason: RecordReason)

        public var summary: String {
            switch self {
            case .duplicate(let known):
                return "duplicate of a message in \(known.mailbox)" + (known.ticketNumber.map { " (\($0))" } ?? "")
            case .newTicket(let plan):
                let organization = plan.organization ?? "no organization"
                let related = plan.relatedTicket.map { ", names closed \($0)" } ?? ""
                return "new ticket for \(plan.contact.normalized) (\(organization)), \(plan.department)/\(plan.category)\(related)"
            case .followUp(let plan):
                var line = "follow-up on \(plan.ticket.number) by \(plan.author.rawValue)"
                if plan.reopens { line += " (reopens)" }
                if plan.newParticipant { line += " (new participant)" }
                if let rating = plan.rating { line += " (rating \(rating))" }
                return line
            case .hold(let reason):
                return "held: \(reason)"
            case .reject(let reason):
                return "rejected: \(reason)"
            case .recordOnly(let ticket, let reason):
                return "recorded only" + (ticket.map { " on \($0.number)" } ?? "") + ": \(reason)"
            }
        }
    }
}
