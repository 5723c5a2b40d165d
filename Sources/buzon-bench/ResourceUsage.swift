import Foundation

/// Process-wide measurements from the kernel.
enum ResourceUsage {
    /// Peak resident set size so far (Linux reports `ru_maxrss` in kilobytes).
    static var peakResidentBytes: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    /// Peak resident set size since the last `resetPeak()` (`VmHWM` of /proc/self/status).
    static var peakResidentSinceReset: Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return peakResidentBytes }
        return kilobytes * 1024
    }

    /// Resets the kernel's peak-RSS mark (`5` to /proc/self/clear_refs, Linux ≥ 4.0), so a
    /// measurement leaves out what the benchmark itself did before (generating the mail).
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// Current resident set size (`VmRSS`).
    static var residentBytes: Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return 0 }
        return kilobytes * 1024
    }

    /// Monotonic seconds, for intervals.
    static var now: Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
