import Foundation
import Testing
@testable import BuzonMIME

@Suite struct DateParserTests {
    /// Seconds since 1970 of a UTC civil time, computed independently through Foundation.
    private func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    }

    @Test(arguments: [
        ("Tue, 5 Mar 2024 10:12:45 -0300", 2024, 3, 5, 13, 12, 45),
        ("Tue, 05 Mar 2024 10:12:45 +0100 (CET)", 2024, 3, 5, 9, 12, 45),
        ("5 Mar 2024 10:12:45 GMT", 2024, 3, 5, 10, 12, 45),
        ("5 Mar 24 10:07 EST", 2024, 3, 5, 15, 7, 0),
        ("Sat, 1 Jan 99 00:00:00 UT", 1999, 1, 1, 0, 0, 0),
        ("Tue,  5 MAR 2024 9:05:07", 2024, 3, 5, 9, 5, 7),
        ("Mon, 29 Feb 2016 23:59:59 Z", 2016, 2, 29, 23, 59, 59),
        ("Wed, 6 mar 2024 08:00:57 PDT", 2024, 3, 6, 15, 0, 57),
        ("2024-03-05T10:00:00Z", 2024, 3, 5, 10, 0, 0),
        ("Thu, 31 Dec 2099 23:00:00 +0530", 2099, 12, 31, 17, 30, 0),
        ("Mar 5 2024 10:00:00 +01:00", 2024, 3, 5, 9, 0, 0),
        ("5 ene 2024 10:00 -0500", 2024, 1, 5, 15, 0, 0),
    ])
    func readsDate(_ text: String, _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) {
        #expect(DateParser.parse(text) == utc(year, month, day, hour, minute, second))
    }

    @Test(arguments: ["", "mañana", "Tue, 45 Mar 2024 10:00:00 +0000", "10:00:00", "5 2024", "Tue, 5 Xyz 2024 10:00", "30 Feb 2024 10:00", "29 Feb 2023 10:00", "31 Apr 2024 10:00"])
    func rejectsGarbage(_ text: String) {
        #expect(DateParser.parse(text) == nil)
    }

    @Test func daysFromCivilMatchesKnownDays() {
        #expect(DateParser.daysFromCivil(year: 1970, month: 1, day: 1) == 0)
        #expect(DateParser.daysFromCivil(year: 2000, month: 3, day: 1) == 11_017)
        #expect(DateParser.daysFromCivil(year: 1969, month: 12, day: 31) == -1)
    }
}
