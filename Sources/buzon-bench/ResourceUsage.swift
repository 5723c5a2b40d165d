import Foundation

/// Process-wide measurements from the kernel.
enum ResourceUsage {
    /// Peak resident set size so far (Linux reports `ru_maxrss` in kilobytes).
    static var peakResidentBytes: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    /// Monotonic seconds, for intervals.
    static var now: Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
