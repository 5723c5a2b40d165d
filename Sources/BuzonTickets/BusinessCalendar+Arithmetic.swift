import Foundation

/// Time measured in the desk's working hours, in the desk's time zone.
///
/// Days are walked as local calendar days and opening/closing instants are built from local
/// wall-clock components, so DST changes (which in America/Santiago happen at midnight) never
/// shift business hours: 09:00 is 09:00 on both sides of a change.
extension BusinessCalendar {
    /// How far a walk looks ahead before giving up (a calendar without working days).
    static let maxDaysWalked = 3700

    /// True inside opening hours (`opens ≤ t < closes`) of a working, non-holiday day.
    public func isBusinessTime(_ date: Date) -> Bool {
        guard let hours = openingHours(onDayOf: date) else { return false }
        return hours.open <= date && date < hours.close
    }

    /// True when the local day of `date` is a working day and not a holiday.
    public func isWorkingDay(_ date: Date) -> Bool {
        let day = localCalendar.dateComponents([.year, .month, .day, .weekday], from: date)
        return isWorkingDay(day)
    }

    /// The instant when `seconds` of business time have elapsed after `date`
    /// ("first answer within 4 business hours" → the due date). Time outside opening hours
    /// does not count: Friday 18:00 + 4 h → Monday 13:00. Landing exactly on closing time
    /// returns closing time (Friday 13:00 + 4 h → Friday 17:00, not Monday 09:00).
    /// `seconds ≤ 0` returns `date`. A calendar without working days returns `.distantFuture`.
    public func addingBusinessTime(_ seconds: TimeInterval, to date: Date) -> Date {
        guard seconds > 0 else { return date }
        var remaining = seconds
        var cursor = date
        for _ in 0..<Self.maxDaysWalked {
            if let hours = openingHours(onDayOf: cursor) {
                let start = max(cursor, hours.open)
                if start < hours.close {
                    let available = hours.close.timeIntervalSince(start)
                    if remaining <= available { return start.addingTimeInterval(remaining) }
                    remaining -= available
                }
            }
            cursor = startOfNextDay(after: cursor)
        }
        return .distantFuture
    }

    /// The instant `days` whole working days after `date` (the usual rule: "2 business days
    /// without customer answer closes the ticket").
    ///
    /// Definition: if `date` is outside business time it is first moved to the next opening
    /// (an answer sent Saturday counts from Monday 09:00). The result is the same local time
    /// of day on the `days`-th working day after that day, holidays and non-working days
    /// skipped. Friday 16:00 + 2 → Tuesday 16:00; Friday 17:00 (closed) → Monday 09:00 →
    /// Wednesday 09:00; Friday 16:00 + 2 with Monday a holiday → Wednesday 16:00.
    /// `days ≤ 0` returns `date`.
    public func addingBusinessDays(_ days: Int, to date: Date) -> Date {
        guard days > 0 else { return date }
        let start = isBusinessTime(date) ? date : nextOpening(after: date)
        guard start != .distantFuture else { return start }
        let time = localCalendar.dateComponents([.hour, .minute, .second, .nanosecond], from: start)
        var day = start
        var counted = 0
        for _ in 0..<Self.maxDaysWalked {
            day = startOfNextDay(after: day)
            if isWorkingDay(day) { counted += 1 }
            if counted == days { return instant(onDayOf: day, at: time) }
        }
        return .distantFuture
    }

    /// Working days strictly after the local day of `from`, up to and including the local
    /// day of `to` (Friday → Tuesday = 2). Zero when `to` is not after `from`.
    public func businessDays(from: Date, to: Date) -> Int {
        guard to > from else { return 0 }
        let lastDay = localCalendar.startOfDay(for: to)
        var day = startOfNextDay(after: from)
        var count = 0
        while day <= lastDay {
            if isWorkingDay(day) { count += 1 }
            day = startOfNextDay(after: day)
        }
        return count
    }

    /// The first opening instant at or after `date` (`date` itself when inside business time).
    public func nextOpening(after date: Date) -> Date {
        if isBusinessTime(date) { return date }
        var cursor = date
        for _ in 0..<Self.maxDaysWalked {
            if let hours = openingHours(onDayOf: cursor), cursor <= hours.open { return hours.open }
            cursor = startOfNextDay(after: cursor)
        }
        return .distantFuture
    }
}
