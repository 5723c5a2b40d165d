import Foundation
import Testing
@testable import BuzonTickets

@Suite struct BusinessCalendarTests {
    static var santiago: BusinessCalendar {
        var calendar = BusinessCalendar()
        calendar.timeZone = TimeZone(identifier: "America/Santiago")!
        calendar.holidays = ["2026-12-08", "2026-12-25"]
        return calendar
    }

    static func d(_ iso: String) -> Date { Fixtures.date(iso) }

    static let businessTime: [(String, Bool)] = [
        ("2026-11-20T09:00:00-03:00", true),   // Friday opening, inclusive
        ("2026-11-20T16:59:59-03:00", true),
        ("2026-11-20T17:00:00-03:00", false),  // closing, exclusive
        ("2026-11-20T08:59:59-03:00", false),
        ("2026-11-21T11:00:00-03:00", false),  // Saturday
        ("2026-12-08T11:00:00-03:00", false),  // Tuesday, holiday
        ("2026-12-09T11:00:00-03:00", true),
        ("2026-11-20T13:00:00Z", true),        // 10:00 in Santiago
        ("2026-11-20T21:00:00Z", false),       // 18:00 in Santiago
    ]

    @Test(arguments: businessTime)
    func isBusinessTime(instant: String, expected: Bool) {
        #expect(Self.santiago.isBusinessTime(Self.d(instant)) == expected)
    }

    static let addingHours: [(start: String, hours: Double, due: String)] = [
        ("2026-11-20T10:00:00-03:00", 4, "2026-11-20T14:00:00-03:00"),   // inside one day
        ("2026-11-20T18:00:00-03:00", 4, "2026-11-23T13:00:00-03:00"),   // Friday evening → Monday
        ("2026-11-20T15:00:00-03:00", 4, "2026-11-23T11:00:00-03:00"),   // spans the weekend
        ("2026-11-20T13:00:00-03:00", 4, "2026-11-20T17:00:00-03:00"),   // lands exactly on closing
        ("2026-11-21T10:00:00-03:00", 4, "2026-11-23T13:00:00-03:00"),   // Saturday
        ("2026-11-23T07:00:00-03:00", 4, "2026-11-23T13:00:00-03:00"),   // before opening
        ("2026-12-07T15:00:00-03:00", 4, "2026-12-09T11:00:00-03:00"),   // Tuesday 8 Dec is a holiday
        ("2026-11-20T10:00:00-03:00", 16, "2026-11-24T10:00:00-03:00"),   // two business days of hours
        ("2026-11-20T10:00:00-03:00", 0, "2026-11-20T10:00:00-03:00"),
    ]

    @Test(arguments: addingHours.indices)
    func addingBusinessTime(index: Int) {
        let row = Self.addingHours[index]
        let due = Self.santiago.addingBusinessTime(row.hours * 3600, to: Self.d(row.start))
        #expect(due == Self.d(row.due), "\(row.start) + \(row.hours) h → \(due)")
    }

    static let addingDays: [(start: String, days: Int, due: String)] = [
        ("2026-11-20T16:00:00-03:00", 2, "2026-11-24T16:00:00-03:00"),   // Friday 16:00 → Tuesday 16:00
        ("2026-11-18T10:00:00-03:00", 2, "2026-11-20T10:00:00-03:00"),   // Wednesday → Friday
        ("2026-11-20T17:00:00-03:00", 2, "2026-11-25T09:00:00-03:00"),   // at closing → from Monday 09:00
        ("2026-11-21T12:00:00-03:00", 2, "2026-11-25T09:00:00-03:00"),   // Saturday → from Monday 09:00
        ("2026-12-04T16:00:00-03:00", 2, "2026-12-09T16:00:00-03:00"),   // Friday; Tuesday 8 Dec holiday → Wednesday
        ("2026-12-24T16:00:00-03:00", 1, "2026-12-28T16:00:00-03:00"),   // Christmas Friday skipped
        ("2026-11-20T16:00:00-03:00", 0, "2026-11-20T16:00:00-03:00"),
    ]

    @Test(arguments: addingDays.indices)
    func addingBusinessDays(index: Int) {
        let row = Self.addingDays[index]
        let due = Self.santiago.addingBusinessDays(row.days, to: Self.d(row.start))
        #expect(due == Self.d(row.due), "\(row.start) + \(row.days) days → \(due)")
    }

    @Test func countsBusinessDaysBetweenInstants() {
        let calendar = Self.santiago
        #expect(calendar.businessDays(from: Self.d("2026-11-20T16:00:00-03:00"), to: Self.d("2026-11-24T08:00:00-03:00")) == 2)
        #expect(calendar.businessDays(from: Self.d("2026-11-20T16:00:00-03:00"), to: Self.d("2026-11-20T17:00:00-03:00")) == 0)
        #expect(calendar.businessDays(from: Self.d("2026-12-04T10:00:00-03:00"), to: Self.d("2026-12-09T10:00:00-03:00")) == 2)
        #expect(calendar.businessDays(from: Self.d("2026-11-24T10:00:00-03:00"), to: Self.d("2026-11-20T10:00:00-03:00")) == 0)
    }

    /// Chile leaves summer time on the first Sunday of April (2026-04-05, 00:00 → Saturday
    /// 23:00) and enters it on the first Sunday of September (2026-09-06, 00:00 → 01:00).
    /// Business hours stay 09:00–17:00 local on both sides.
    @Test func daylightSavingChangesKeepLocalHours() throws {
        let calendar = Self.santiago
        let zone = calendar.timeZone
        // Guard the premise: the offsets really change over these weekends in this tzdata.
        try #require(zone.secondsFromGMT(for: Self.d("2026-04-03T12:00:00Z")) != zone.secondsFromGMT(for: Self.d("2026-04-07T12:00:00Z")))
        try #require(zone.secondsFromGMT(for: Self.d("2026-09-04T12:00:00Z")) != zone.secondsFromGMT(for: Self.d("2026-09-08T12:00:00Z")))

        #expect(calendar.addingBusinessTime(4 * 3600, to: Self.d("2026-04-03T15:00:00-03:00")) == Self.d("2026-04-06T11:00:00-04:00"))
        #expect(calendar.addingBusinessTime(4 * 3600, to: Self.d("2026-09-04T15:00:00-04:00")) == Self.d("2026-09-07T11:00:00-03:00"))
        #expect(calendar.addingBusinessDays(2, to: Self.d("2026-04-03T16:00:00-03:00")) == Self.d("2026-04-07T16:00:00-04:00"))
        #expect(calendar.addingBusinessDays(2, to: Self.d("2026-09-04T16:00:00-04:00")) == Self.d("2026-09-08T16:00:00-03:00"))
        #expect(calendar.isBusinessTime(Self.d("2026-04-06T09:00:00-04:00")))
        #expect(!calendar.isBusinessTime(Self.d("2026-04-06T08:30:00-04:00")))
    }

    @Test func aCalendarWithoutWorkingDaysNeverComesDue() {
        var closed = Self.santiago
        closed.workingDays = []
        #expect(closed.addingBusinessTime(3600, to: Self.d("2026-11-20T10:00:00-03:00")) == .distantFuture)
        #expect(closed.addingBusinessDays(1, to: Self.d("2026-11-20T10:00:00-03:00")) == .distantFuture)
    }
}
