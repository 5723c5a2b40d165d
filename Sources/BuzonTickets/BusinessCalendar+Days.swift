import Foundation

/// Local-day helpers for the business-time arithmetic.
extension BusinessCalendar {
    var localCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// Opening and closing instants of the local day containing `date`; nil on a day off.
    func openingHours(onDayOf date: Date) -> (open: Date, close: Date)? {
        let calendar = localCalendar
        let day = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
        guard isWorkingDay(day) else { return nil }
        func at(_ minute: Int) -> Date? {
            var components = DateComponents(year: day.year, month: day.month, day: day.day,
                                            hour: minute / 60, minute: minute % 60)
            components.timeZone = timeZone
            return calendar.date(from: components)
        }
        guard let open = at(opensAtMinute), let close = at(closesAtMinute), open < close else { return nil }
        return (open, close)
    }

    func isWorkingDay(_ day: DateComponents) -> Bool {
        guard let weekday = day.weekday, let year = day.year, let month = day.month, let dayOfMonth = day.day else {
            return false
        }
        // Calendar weekday: 1 = Sunday … 7 = Saturday; ISO: 1 = Monday … 7 = Sunday.
        let iso = (weekday + 5) % 7 + 1
        guard workingDays.contains(iso) else { return false }
        let key = String(format: "%04d-%02d-%02d", year, month, dayOfMonth)
        return !holidays.contains(key)
    }

    /// Local midnight (or the first instant, on a DST day starting at 01:00) of the next day.
    func startOfNextDay(after date: Date) -> Date {
        let calendar = localCalendar
        let today = calendar.startOfDay(for: date)
        let noonTomorrow = calendar.date(byAdding: .hour, value: 36, to: today) ?? date.addingTimeInterval(36 * 3600)
        return calendar.startOfDay(for: noonTomorrow)
    }

    /// The instant with these local wall-clock components on the local day of `day`.
    func instant(onDayOf day: Date, at time: DateComponents) -> Date {
        let calendar = localCalendar
        var components = calendar.dateComponents([.year, .month, .day], from: day)
        components.hour = time.hour
        components.minute = time.minute
        components.second = time.second
        components.nanosecond = time.nanosecond
        components.timeZone = timeZone
        return calendar.date(from: components) ?? day
    }
}
