import Foundation

/// Proleptic Gregorian calendar arithmetic in UTC, by hand, for the timestamps BuzonMIME
/// writes (the RFC 5322 `Date:` of outgoing mail, the ISO 8601 `date` of a message's JSON):
/// neither locale nor time zone settings of the host can change them.
enum UTCCalendar {
    /// A day count from 1970-01-01 and the second within that day (0 ..< 86 400), for whole
    /// seconds since the epoch; days before the epoch count down (floor division).
    static func split(_ seconds: Int64) -> (days: Int64, secondOfDay: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (days, Int(seconds - days * 86_400))
    }

    /// Howard Hinnant's `civil_from_days`: proleptic Gregorian date of a day count from 1970-01-01.
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `2024-03-05T13:12:45Z` (RFC 3339 §5.6, UTC, whole seconds rounded down).
    ///
    /// Nil for an instant no calendar can show: not finite, beyond 64-bit seconds, or in a
    /// year a C `struct tm` cannot hold (the limits of `gmtime_r`, which the CLI's other
    /// timestamps use). Dates parsed from untrusted mail reach this, so it must not trap.
    static func iso8601(_ date: Date) -> String? {
        guard let seconds = Int64(exactly: date.timeIntervalSince1970.rounded(.down)) else { return nil }
        let (days, secondOfDay) = split(seconds)
        let (year, month, day) = civil(fromDays: days)
        guard Int32(exactly: year - 1900) != nil else { return nil }
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(year), month, day,
                      secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    }
}
