import Foundation

/// `2026-11-21T13:02:00Z`: whole seconds, always UTC, so output does not depend on the
/// machine's time zone. Uses `gmtime_r`, which is thread-safe and needs no formatter object.
enum ISO8601UTC {
    static func string(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ",
                      Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
