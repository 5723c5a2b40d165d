import Foundation

/// Times other parsers on the same corpus by running `scripts/bench_email_peer.py` as a
/// child process, one implementation at a time, after the Swift measurements (so the two
/// never compete for a core). A missing interpreter or a failing peer is reported and skipped.
enum PeerBenchmark {
    typealias Row = (String, ParseBenchmark.Measurement, ParseBenchmark.Measurement)

    static func run(_ options: ParseBenchmarkOptions, corpus: String) -> [Row] {
        guard let script = options.peerScript else { return [] }
        guard FileManager.default.fileExists(atPath: script) else {
            print("peer: \(script) not found (run from the repository root or pass --peer-script); skipped")
            return []
        }
        var peers = [(name: "email", python: options.python)]
        peers += options.extraPeers
        return peers.compactMap { peer in
            guard FileManager.default.isExecutableFile(atPath: peer.python) else {
                print("peer \(peer.name): \(peer.python) not found; skipped")
                return nil
            }
            return measure(peer.name, python: peer.python, script: script, corpus: corpus, rounds: options.rounds)
        }
    }

    /// The script prints one JSON object per set: `{"impl", "set", "messages", "bytes", "seconds",
    /// "failures", "text_chars", "attachment_bytes", "reply_chars"}`; the counts are echoed so
    /// a reader can check the peer did comparable work.
    static func measure(_ name: String, python: String, script: String, corpus: String, rounds: Int) -> Row? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--impl", name, "--rounds", String(rounds), corpus]
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch {
            print("peer \(name): cannot start \(python): \(error); skipped")
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            print("peer \(name): exited with status \(process.terminationStatus); skipped")
            return nil
        }
        var sets: [String: ParseBenchmark.Measurement] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let set = object["set"] as? String, let messages = object["messages"] as? Int,
                  let bytes = object["bytes"] as? Int, let seconds = object["seconds"] as? Double else { continue }
            sets[set] = .init(set: set, messages: messages, bytes: bytes, seconds: seconds)
            let counts = ["failures", "text_chars", "attachment_bytes", "reply_chars"]
                .map { "\($0) \(object[$0] as? Int ?? -1)" }
            print("peer \(name), \(set): " + counts.joined(separator: ", "))
        }
        guard let all = sets["with attachments"], let plain = sets["without attachments"] else {
            print("peer \(name): unexpected output; skipped")
            return nil
        }
        return ("\(name) (Python)", all, plain)
    }
}
