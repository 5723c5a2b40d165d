@testable import BuzonTickets

/// Shortcuts so assertions read `decision.outcome.followUp?.ticket.number == "OP10044"`.
extension Decision.Outcome {
    var newTicket: NewTicketPlan? {
        if case .newTicket(let plan) = self { return plan }
        return nil
    }
    var followUp: FollowUpPlan? {
        if case .followUp(let plan) = self { return plan }
        return nil
    }
    var hold: HoldReason? {
        if case .hold(let reason) = self { return reason }
        return nil
    }
    var reject: RejectReason? {
        if case .reject(let reason) = self { return reason }
        return nil
    }
    var duplicate: KnownMessage? {
        if case .duplicate(let known) = self { return known }
        return nil
    }
    var recordOnly: (ticket: TicketSnapshot?, reason: RecordReason)? {
        if case .recordOnly(let ticket, let reason) = self { return (ticket, reason) }
        return nil
    }
}

extension Decision {
    var noticeKinds: [NoticeKind] { notices.map(\.kind) }
    var suppressedKinds: [NoticeKind] { suppressedNotices.map(\.kind) }
    /// The trail as one string, for `contains` assertions.
    var trailText: String { trail.joined(separator: "\n") }
}
