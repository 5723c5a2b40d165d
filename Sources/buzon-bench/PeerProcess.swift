import Foundation

/// One peer implementation running `scripts/bench_email_peer.py --serve`: the corpus is
/// loaded once, then each `round()` asks for one timed pass over both sets. Owns the child
/// process; it is ended when this goes away.
final class PeerProcess {
    let name: String
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    /// Bytes read past the last complete line.
    private var pending = Data()

    /// One set's figures from one round, with the counts that show the work was comparable.
    struct Report {
        var measurement: ParseBenchmark.Measurement
        var counts: String
    }

    /// Starts the peer and waits until it has loaded the corpus; nil (with a line saying why)
    /// when it cannot start or does not become ready.
    init?(name: String, python: String, script: String, corpus: String) {
        self.name = name
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--impl", name, "--serve", corpus]
        process.standardInput = input
        process.standardOutput = output
        do { try process.run() } catch {
            print("peer \(name): cannot start \(python): \(error); skipped")
            return nil
        }
        guard let ready = nextObject(), ready["ready"] as? Bool == true else {
            print("peer \(name): did not load the corpus (exit status \(stop())); skipped")
            return nil
        }
    }

    deinit { _ = stop() }

    /// `warmUps` untimed passes over all messages, then both sets timed, best of `passes`
    /// back-to-back passes, keyed by set name; nil when the peer stopped answering.
    func round(passes: Int, warmUps: Int) -> [String: Report]? {
        input.fileHandleForWriting.write(Data("round \(passes) \(warmUps)\n".utf8))
        var reports: [String: Report] = [:]
        while reports.count < 2 {
            guard let object = nextObject() else { return nil }
            guard let set = object["set"] as? String, let messages = object["messages"] as? Int,
                  let bytes = object["bytes"] as? Int, let seconds = object["seconds"] as? Double else { continue }
            let counts = ["failures", "text_chars", "attachment_bytes", "reply_chars"]
                .map { "\($0) \(object[$0] as? Int ?? -1)" }
            reports[set] = Report(measurement: .init(set: set, messages: messages, bytes: bytes, seconds: seconds),
                                  counts: counts.joined(separator: ", "))
        }
        return reports
    }

    /// The next JSON object the peer prints, nil at end of output.
    private func nextObject() -> [String: Any]? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = pending[pending.startIndex..<newline]
                pending = Data(pending[(newline + 1)...])
                if let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] { return object }
                continue
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            pending.append(chunk)
        }
    }

    /// Closes the peer's input (it exits at end of input) and waits for it.
    private func stop() -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
