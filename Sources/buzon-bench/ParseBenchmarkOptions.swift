import Foundation

/// `buzon-bench parse [--messages N] [--seed S] [--corpus DIR] [--keep] [--rounds R]
/// [--peer-script PATH] [--python PATH] [--extra-peer NAME=PYTHON]… [--no-peer]`
struct ParseBenchmarkOptions {
    var messages = 4_000
    var seed: UInt64 = 42
    /// Where to write the corpus (kept); nil for a temporary directory removed at the end.
    var corpus: String?
    var keep = false
    var rounds = 3
    /// The Python `email` peer; nil skips it.
    var peerScript: String? = "scripts/bench_email_peer.py"
    var python = "/usr/bin/python3"
    /// Other implementations the peer script knows (`fast-mail-parser`), each with the
    /// interpreter of the environment it is installed in.
    var extraPeers: [(name: String, python: String)] = []

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    static let usage = """
        usage: buzon-bench parse [--messages 4000] [--seed 42] [--corpus DIR] [--keep] [--rounds 3]
                                 [--peer-script scripts/bench_email_peer.py] [--python /usr/bin/python3]
                                 [--extra-peer fast-mail-parser=/tmp/venv/bin/python] [--no-peer]
        """

    init(arguments: [String]) throws(UsageError) {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--keep": keep = true
            case "--no-peer": peerScript = nil
            case "--messages": messages = try Self.number(argument, remaining.popFirst())
            case "--rounds": rounds = max(1, try Self.number(argument, remaining.popFirst()))
            case "--seed": seed = UInt64(try Self.number(argument, remaining.popFirst()))
            case "--corpus", "--out": corpus = try Self.value(argument, remaining.popFirst())
            case "--peer-script": peerScript = try Self.value(argument, remaining.popFirst())
            case "--python": python = try Self.value(argument, remaining.popFirst())
            case "--extra-peer":
                let pair = try Self.value(argument, remaining.popFirst()).split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { throw UsageError(description: "--extra-peer wants NAME=PYTHON") }
                extraPeers.append((String(pair[0]), String(pair[1])))
            default: throw UsageError(description: "unknown option '\(argument)'")
            }
        }
    }

    static func value(_ option: String, _ value: String?) throws(UsageError) -> String {
        guard let value else { throw UsageError(description: "\(option) needs a value") }
        return value
    }

    static func number(_ option: String, _ text: String?) throws(UsageError) -> Int {
        guard let number = Int(try value(option, text)), number >= 0 else {
            throw UsageError(description: "\(option) needs a non-negative whole number")
        }
        return number
    }
}
