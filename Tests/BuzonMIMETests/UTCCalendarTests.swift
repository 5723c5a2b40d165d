import Foundation
import Testing
@testable import BuzonMIME

/// The ISO 8601 `date` of a message's JSON form: the same text `gmtime_r` gives (the CLI's
/// other timestamps), nil where it gives none, never a trap on a date read from mail.
@Suite struct UTCCalendarTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
        (0.75, "1970-01-01T00:00:00Z"),
        (-0.25, "1969-12-31T23:59:59Z"),
        (1_709_644_365, "2024-03-05T13:12:45Z"),
        (1_709_164_800, "2024-02-29T00:00:00Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"),
        (-30_610_310_400, "0999-12-31T00:00:00Z"),
        (-62_135_596_801, "0000-12-31T23:59:59Z"),
    ])
    func iso8601(seconds: Double, text: String) {
        #expect(UTCCalendar.iso8601(Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test(arguments: [Double.infinity, -Double.infinity, Double.nan, 1e300, 9.3e18, 1e17])
    func instantsNoCalendarCanShowHaveNoText(seconds: Double) {
        #expect(UTCCalendar.iso8601(Date(timeIntervalSince1970: seconds)) == nil)
    }
}
