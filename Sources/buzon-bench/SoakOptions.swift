import Foundation

/// `buzon-bench soak [--messages 2000] [--kills 37] [--seed S] [--buzon PATH] [--keep]
/// [--stall-seconds 120]`. The seed drives the corpus, how the mail is split into deliveries
/// and every random delay: a failing run is repeated with the seed its report prints (the
/// moments still differ by scheduling, the mail and the sequence of faults do not).
struct SoakOptions {
    var messages = 2_000
    var kills = 37
    var seed = UInt64(Date().timeIntervalSince1970 * 1000) % 1_000_000
    /// The `buzon` binary under test; by default the one next to this `buzon-bench`.
    var buzon = SoakOptions.siblingBinary
    /// Keep the work directory (database, daemon log) even when every check passed.
    var keep = false
    /// Upper bound on waiting for a phase to settle with no progress at all.
    var stallSeconds = 120.0

    static let usage = """
        usage: buzon-bench soak [--messages 2000] [--kills 37] [--seed S] [--buzon PATH] [--keep] [--stall-seconds 120]
          A fault-injection soak of the real `buzon run` against a local Dovecot and SMTP sink:
          SIGKILLs, IMAP and SMTP outages, a full and a read-only attachments directory (root),
          two daemons on one database, poison mail. Prints PASS/FAIL per check; exit 1 on any FAIL.
        """

    init(arguments: [String]) throws(ParseBenchmarkOptions.UsageError) {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--keep": keep = true
            case "--messages": messages = max(60, try ParseBenchmarkOptions.number(argument, remaining.popFirst()))
            case "--kills": kills = try ParseBenchmarkOptions.number(argument, remaining.popFirst())
            case "--seed": seed = UInt64(try ParseBenchmarkOptions.number(argument, remaining.popFirst()))
            case "--buzon": buzon = try ParseBenchmarkOptions.value(argument, remaining.popFirst())
            case "--stall-seconds": stallSeconds = Double(try ParseBenchmarkOptions.number(argument, remaining.popFirst()))
            default: throw ParseBenchmarkOptions.UsageError(description: "unknown option '\(argument)'")
            }
        }
        guard FileManager.default.isExecutableFile(atPath: buzon) else {
            throw ParseBenchmarkOptions.UsageError(description: "no buzon binary at \(buzon): build it (swift build -c release --product buzon) or pass --buzon PATH")
        }
    }

    /// `buzon` in the directory of the running `buzon-bench` (SwiftPM builds both there).
    static var siblingBinary: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("buzon").path
    }
}
