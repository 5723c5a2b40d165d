import Foundation

// buzon-bench: throughput figures. `parse` times parse + decode + trim against peers;
// `corpus` only writes the synthetic corpus (for `buzon parse --summary` and the fuzzer's seeds).
let usage = """
    usage: buzon-bench parse [options]     (see buzon-bench parse --help)
           buzon-bench store [--messages 3000]   decide-and-store into SQLite on disk
           buzon-bench e2e [--messages 2000] [--large N] [--no-phases]
                                                 local Dovecot → tickets → acknowledgements at the local SMTP server;
                                                 --large: N messages of ≈ 27 MB first; prints the peak RSS
           buzon-bench corpus --out DIR [--messages 4000] [--seed 42]
           buzon-bench soak [--messages 2000] [--kills 37] [--seed S]   fault-injection soak of the real `buzon run` (see --help)
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("buzon-bench: \(message)\n".utf8))
    exit(64)
}

/// `--messages N` for the store and end-to-end benchmarks.
func messageCount(_ arguments: [String], default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: "--messages") else { return value }
    guard index + 1 < arguments.count, let count = Int(arguments[index + 1]), count > 0 else { fail("--messages needs a positive number") }
    return count
}

let command = CommandLine.arguments.dropFirst().first ?? ""
let arguments = Array(CommandLine.arguments.dropFirst(2))
if arguments.contains("--help") {
    print(command == "parse" ? ParseBenchmarkOptions.usage : command == "soak" ? SoakOptions.usage : usage)
    exit(0)
}
do {
    switch command {
    case "parse":
        exit(try ParseBenchmark(options: ParseBenchmarkOptions(arguments: arguments)).run())
    case "store":
        try StoreBenchmark(messages: messageCount(arguments, default: 3000)).run()
    case "e2e":
        var large = 0
        if let index = arguments.firstIndex(of: "--large") {
            guard index + 1 < arguments.count, let count = Int(arguments[index + 1]), count >= 0 else { fail("--large needs a number") }
            large = count
        }
        try EndToEndBenchmark(messages: messageCount(arguments, default: 2000), large: large,
                              phases: !arguments.contains("--no-phases")).run()
    case "soak":
        exit(try SoakTest(options: SoakOptions(arguments: arguments)).run())
    case "corpus":
        var options = try ParseBenchmarkOptions(arguments: arguments)
        guard let directory = options.corpus else { fail("corpus needs --out DIR\n\(usage)") }
        options.keep = true
        let manifest = try CorpusManifest.generate(count: options.messages, seed: options.seed, into: directory)
        print("wrote \(manifest.entries.count) messages (\(manifest.totalBytes) bytes) to \(directory)")
        print(ParseBenchmark.describe(manifest))
    default:
        fail("unknown command '\(command)'\n\(usage)")
    }
} catch let error as ParseBenchmarkOptions.UsageError {
    fail("\(error)\n\(command == "soak" ? SoakOptions.usage : ParseBenchmarkOptions.usage)")
} catch {
    FileHandle.standardError.write(Data("buzon-bench: \(error)\n".utf8))
    exit(1)
}
