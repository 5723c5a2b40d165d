import BuzonTickets

/// How the calendar is written back in messages: `mon`, `09:00`.
enum BusinessCalendarNames {
    static func day(_ isoWeekday: Int) -> String {
        let names = BusinessCalendar.dayNames
        return (1...7).contains(isoWeekday) ? names[isoWeekday - 1] : "?"
    }

    static func time(_ minuteOfDay: Int) -> String {
        let hours = minuteOfDay / 60, minutes = minuteOfDay % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }
}
