import Foundation

extension OutgoingMessage {
    /// RFC 5322 §3.3 date-time in UTC: `Mon, 23 Nov 2026 17:36:28 +0000`.
    /// Hand-formatted (`UTCCalendar`) so neither locale nor time zone settings of the host
    /// can change it.
    static func rfc5322Date(_ date: Date) -> String {
        let (days, secondOfDay) = UTCCalendar.split(Int64(date.timeIntervalSince1970.rounded(.down)))
        let (year, month, day) = UTCCalendar.civil(fromDays: days)
        let weekday = Int(((days % 7) + 11) % 7) // 1970-01-01 was a Thursday (index 4).
        let time = [secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60].map(twoDigits).joined(separator: ":")
        return "\(weekdays[weekday]), \(twoDigits(day)) \(months[month - 1]) \(year) \(time) +0000"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
