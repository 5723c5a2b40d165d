import Foundation
import Testing
@testable import BuzonTickets

@Suite struct LifecycleTests {
    let lifecycle = Lifecycle(policy: Fixtures.policy)
    static func d(_ iso: String) -> Date { Fixtures.date(iso) }

    @Test func firstResponseIsDueFourBusinessHoursAfterCreation() {
        let friday = TicketTimes(state: .waitingOnSupport, createdAt: Self.d("2026-11-20T15:00:00-03:00"))
        #expect(lifecycle.firstResponseDue(friday) == Self.d("2026-11-23T11:00:00-03:00"))
        #expect(!lifecycle.firstResponseOverdue(friday, now: Self.d("2026-11-23T11:00:00-03:00")))
        #expect(lifecycle.firstResponseOverdue(friday, now: Self.d("2026-11-23T11:00:01-03:00")))

        var answered = friday
        answered.firstResponseAt = Self.d("2026-11-23T12:00:00-03:00")
        answered.state = .answered
        #expect(!lifecycle.firstResponseOverdue(answered, now: Self.d("2026-11-25T12:00:00-03:00")))
        var closed = friday
        closed.state = .closed
        #expect(!lifecycle.firstResponseOverdue(closed, now: Self.d("2026-11-25T12:00:00-03:00")))
    }

    @Test func staleAfterTwentyFourWallClockHours() {
        let times = TicketTimes(state: .waitingOnSupport, createdAt: Self.d("2026-11-20T10:00:00-03:00"),
                                updatedAt: Self.d("2026-11-20T16:00:00-03:00"))
        // Over a weekend: wall-clock hours, not business hours.
        #expect(!lifecycle.isStale(times, now: Self.d("2026-11-21T15:59:59-03:00")))
        #expect(lifecycle.isStale(times, now: Self.d("2026-11-21T16:00:00-03:00")))
        var closed = times
        closed.state = .closed
        #expect(!lifecycle.isStale(closed, now: Self.d("2026-12-21T16:00:00-03:00")))
    }

    @Test func autoCloseIsDueExactlyAtTheBoundary() throws {
        let times = TicketTimes(state: .answered, createdAt: Self.d("2026-11-19T10:00:00-03:00"),
                                firstResponseAt: Self.d("2026-11-20T16:00:00-03:00"),
                                answeredAt: Self.d("2026-11-20T16:00:00-03:00"))
        let due = try #require(lifecycle.autoCloseAt(times))
        #expect(due == Self.d("2026-11-24T16:00:00-03:00"))
        #expect(!lifecycle.autoCloseDue(times, now: due.addingTimeInterval(-1)))
        #expect(lifecycle.autoCloseDue(times, now: due))
        #expect(lifecycle.autoCloseDue(times, now: due.addingTimeInterval(1)))

        var customerReplied = times
        customerReplied.state = .waitingOnSupport
        #expect(lifecycle.autoCloseAt(customerReplied) == nil)
        #expect(!lifecycle.autoCloseDue(customerReplied, now: Self.d("2026-12-30T10:00:00-03:00")))
    }

    @Test func clockGathersTheFlags() {
        let times = TicketTimes(state: .answered, createdAt: Self.d("2026-11-20T15:00:00-03:00"),
                                firstResponseAt: Self.d("2026-11-20T16:00:00-03:00"),
                                answeredAt: Self.d("2026-11-20T16:00:00-03:00"),
                                updatedAt: Self.d("2026-11-20T16:00:00-03:00"))
        let clock = lifecycle.clock(times, now: Self.d("2026-11-24T16:00:00-03:00"))
        #expect(clock.firstResponseDue == Self.d("2026-11-23T11:00:00-03:00"))
        #expect(!clock.firstResponseOverdue)
        #expect(clock.stale)
        #expect(clock.autoCloseAt == Self.d("2026-11-24T16:00:00-03:00"))
        #expect(clock.autoCloseDue)
    }
}
