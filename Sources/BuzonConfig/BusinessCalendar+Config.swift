import Foundation
import BuzonTickets

/// `[business_hours]`: when the desk works (typically Mon–Fri 9–17), for auto-close and
/// response-time rules counted in business time.
extension BusinessCalendar {
    static let configKeys = ["time_zone", "days", "open", "close", "holidays"]
    static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    init(section: ConfigSection) throws(ConfigError) {
        self.init()
        let zoneName = try section.text("time_zone") ?? "America/Santiago"
        guard let zone = TimeZone(identifier: zoneName) else {
            let hint = EditDistance.hint(for: zoneName, among: TimeZone.knownTimeZoneIdentifiers)
            throw section.error("unknown time zone \"\(zoneName)\"\(hint): use an IANA name like \"America/Santiago\" or \"America/Mexico_City\"", key: "time_zone")
        }
        timeZone = zone
        if let days = try section.strings("days") {
            workingDays = try Self.workingDays(days, section: section)
        }
        opensAtMinute = try Self.minuteOfDay(section, "open") ?? opensAtMinute
        closesAtMinute = try Self.minuteOfDay(section, "close") ?? closesAtMinute
        guard closesAtMinute > opensAtMinute else {
            throw section.error("\"close\" must be later than \"open\" (the desk's day does not span midnight)", key: section.contains("close") ? "close" : "open")
        }
        for holiday in try section.strings("holidays") ?? [] {
            guard Self.isDate(holiday.value) else {
                throw section.error("holiday \"\(holiday.value)\" is not a date: write it as \"YYYY-MM-DD\", like \"2026-12-25\"", line: holiday.line)
            }
            holidays.insert(holiday.value)
        }
    }

    private static func workingDays(_ days: [(value: String, line: Int)], section: ConfigSection) throws(ConfigError) -> Set<Int> {
        guard !days.isEmpty else {
            throw section.error("\"days\" must name at least one working day, like [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]", key: "days")
        }
        var result = Set<Int>()
        for day in days {
            guard let index = dayNames.firstIndex(of: day.value.lowercased()) else {
                let hint = EditDistance.hint(for: day.value, among: dayNames)
                throw section.error("unknown day \"\(day.value)\"\(hint): use \(dayNames.joined(separator: ", "))", line: day.line)
            }
            result.insert(index + 1)
        }
        return result
    }

    /// `"HH:MM"`, 00:00 to 24:00, as minutes after midnight.
    private static func minuteOfDay(_ section: ConfigSection, _ key: String) throws(ConfigError) -> Int? {
        guard let text = try section.string(key) else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 2, parts[1].count == 2,
           let hours = Int(parts[0]), let minutes = Int(parts[1]),
           (0...23).contains(hours) && (0...59).contains(minutes) || (hours == 24 && minutes == 0) {
            return hours * 60 + minutes
        }
        throw section.error("\"\(key)\" must be a time \"HH:MM\" (24-hour clock), like \"09:00\", found \"\(text)\"", key: key)
    }

    /// `YYYY-MM-DD` naming a day that exists (no 2026-02-30).
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components) else { return false }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        return back.year == year && back.month == month && back.day == day
    }
}
