import Foundation

/// `2026-11-21T13:02:00Z`: whole seconds, always UTC, so output does not depend on the
/// machine's time zone. Uses `gmtime_r`, which is thread-safe and needs no formatter object.
enum ISO8601UTC {
    /// Nil for an instant no calendar can show (not finite, or beyond `time_t`/`gmtime_r`):
    /// the parser's dates come from untrusted mail, and a conversion must not trap on them.
    static func string(_ date: Date) -> String? {
        guard var seconds = time_t(exactly: date.timeIntervalSince1970.rounded(.down)) else { return nil }
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return nil }
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ",
                      Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
