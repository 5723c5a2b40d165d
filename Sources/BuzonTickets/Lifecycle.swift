import Foundation

/// The time rules of a ticket's life: first-response due date, stale flag, auto-close.
///
/// Boundaries (tested): first response is overdue strictly AFTER the due instant; a ticket
/// is stale AT `staleAfterHours` exactly; auto-close is due AT its instant exactly, so a sweep
/// running at the boundary closes it.
public struct Lifecycle: Sendable {
    public let policy: DeskPolicy

    public init(policy: DeskPolicy) {
        self.policy = policy
    }

    /// Created + `firstResponseBusinessHours` of business time.
    public func firstResponseDue(_ times: TicketTimes) -> Date {
        policy.calendar.addingBusinessTime(TimeInterval(policy.firstResponseBusinessHours * 3600), to: times.createdAt)
    }

    public func firstResponseOverdue(_ times: TicketTimes, now: Date) -> Bool {
        times.firstResponseAt == nil && times.state != .closed && now > firstResponseDue(times)
    }

    /// Wall-clock hours, see `TicketClock.stale`.
    public func isStale(_ times: TicketTimes, now: Date) -> Bool {
        times.state != .closed && now.timeIntervalSince(times.updatedAt) >= TimeInterval(policy.staleAfterHours * 3600)
    }

    /// `autoCloseBusinessDays` business days after `answeredAt` (see
    /// `BusinessCalendar.addingBusinessDays`); nil unless answered with an answer time.
    public func autoCloseAt(_ times: TicketTimes) -> Date? {
        guard times.state == .answered, let answeredAt = times.answeredAt else { return nil }
        return policy.calendar.addingBusinessDays(policy.autoCloseBusinessDays, to: answeredAt)
    }

    public func autoCloseDue(_ times: TicketTimes, now: Date) -> Bool {
        guard let due = autoCloseAt(times) else { return false }
        return now >= due
    }

    public func clock(_ times: TicketTimes, now: Date) -> TicketClock {
        let autoClose = autoCloseAt(times)
        return TicketClock(firstResponseDue: firstResponseDue(times),
                           firstResponseOverdue: firstResponseOverdue(times, now: now),
                           stale: isStale(times, now: now),
                           autoCloseAt: autoClose,
                           autoCloseDue: autoClose.map { now >= $0 } ?? false)
    }
}
