import Foundation

/// `2026-11-21T13:02:00Z`: the one timestamp format of logs and `--json` output.
public enum ISO8601 {
    /// Nil for an instant no calendar can show (not finite, or beyond `time_t`/`gmtime_r`):
    /// dates parsed from untrusted mail reach this too, and a conversion must not trap.
    public static func checkedString(from date: Date) -> String? {
        guard var seconds = time_t(exactly: date.timeIntervalSince1970.rounded(.down)) else { return nil }
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return nil }
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// For the desk's own timestamps (always representable); `-` if one ever is not.
    public static func string(from date: Date) -> String {
        checkedString(from: date) ?? "-"
    }

    /// The same instant as wall-clock time in `timeZone`, for people: `2026-11-21 10:02`.
    public static func local(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
