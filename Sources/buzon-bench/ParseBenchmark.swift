import Foundation
import BuzonMIME

/// `buzon-bench parse`: parse + decode + trim throughput on a generated corpus, on one thread,
/// best of several rounds, for all messages and for those without attachments; the parser's
/// give-ups and diagnostics; peak memory after 1× and 5× the corpus; and the same files timed
/// with Python's `email` package (and other Python peers when given) for a ratio, their
/// rounds interleaved with Buzón's.
struct ParseBenchmark {
    var options: ParseBenchmarkOptions

    struct Measurement {
        var set: String
        var messages: Int
        var bytes: Int
        var seconds: Double
        var messagesPerSecond: Double { seconds > 0 ? Double(messages) / seconds : 0 }
        var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }
    }

    func run() throws -> Int32 {
        let directory = options.corpus ?? NSTemporaryDirectory() + "buzon-bench-corpus-\(getpid())"
        let started = ResourceUsage.now
        let manifest = try CorpusManifest.generate(count: options.messages, seed: options.seed, into: directory)
        print("corpus: \(directory) — \(manifest.entries.count) messages, "
            + String(format: "%.1f MB, generated in %.1f s", Double(manifest.totalBytes) / 1e6, ResourceUsage.now - started)
            + " (seed \(options.seed))")
        print(Self.describe(manifest))
        defer {
            if options.corpus == nil && !options.keep { try? FileManager.default.removeItem(atPath: directory) }
        }
        let inputs = try manifest.entries.map { entry in
            try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(entry.file)))
        }
        let plainInputs = zip(manifest.entries, inputs).filter { !$0.0.hasAttachment }.map(\.1)
        let workload = ParseWorkload()

        print(ParseCensus(workload: workload, inputs: inputs).report)
        print(memoryReport(workload, inputs))
        var parseOnly = workload
        parseOnly.trims = false
        let peers = PeerBenchmark.start(options, corpus: directory)
        // Interleaved: each round times every implementation once, so a stretch of slow
        // machine (shared cores) hits all of them; each keeps its best round. Each
        // implementation's turn starts with an untimed pass over all messages, then times
        // each set as the best of two back-to-back passes: the first pass after another
        // implementation ran was measured 15–30% slower (cold caches and heap), which would
        // otherwise count against whichever implementation comes first. (Python's `email`
        // gets one timed pass and no warm-up: its passes take seconds, where that does not show.)
        var best = Best()
        for round in 0..<options.rounds {
            _ = workload.pass(inputs)
            best.keep("buzon (Swift)", measure(workload, "with attachments", inputs, passes: 2))
            best.keep("buzon (Swift)", measure(workload, "without attachments", plainInputs, passes: 2))
            best.keep("buzon parse only (Swift)", measure(parseOnly, "with attachments", inputs, passes: 2))
            best.keep("buzon parse only (Swift)", measure(parseOnly, "without attachments", plainInputs, passes: 2))
            for peer in peers {
                let slow = peer.name == "email"
                guard let reports = peer.round(passes: slow ? 1 : 2, warmUps: slow ? 0 : 1) else {
                    print("peer \(peer.name): stopped answering in round \(round + 1)")
                    continue
                }
                for (_, report) in reports.sorted(by: { $0.key < $1.key }) {
                    best.keep("\(peer.name) (Python)", report.measurement)
                    if round == 0 { print("peer \(peer.name), \(report.measurement.set): \(report.counts)") }
                }
            }
        }
        print(Self.table(best.rows))
        return 0
    }

    /// The best (shortest) round per implementation and set, in the order first seen.
    struct Best {
        private var order: [String] = []
        private var sets: [String: [String: Measurement]] = [:]

        mutating func keep(_ implementation: String, _ measurement: Measurement) {
            if sets[implementation] == nil { order.append(implementation) }
            if let kept = sets[implementation]?[measurement.set], kept.seconds <= measurement.seconds { return }
            sets[implementation, default: [:]][measurement.set] = measurement
        }

        var rows: [PeerBenchmark.Row] {
            order.compactMap { name in
                guard let all = sets[name]?["with attachments"], let plain = sets[name]?["without attachments"] else { return nil }
                return (name, all, plain)
            }
        }
    }

    /// The best of `passes` timed passes.
    func measure(_ workload: ParseWorkload, _ set: String, _ inputs: [[UInt8]], passes: Int) -> Measurement {
        var best = Double.infinity
        var totals = ParseWorkload.Totals()
        for _ in 0..<passes {
            let start = ResourceUsage.now
            totals = workload.pass(inputs)
            best = min(best, ResourceUsage.now - start)
        }
        return Measurement(set: set, messages: totals.messages, bytes: totals.inputBytes, seconds: best)
    }

    /// Peak RSS with the corpus loaded, after one pass and after five more: if parsing kept
    /// anything per message, the second figure would grow with the message count.
    func memoryReport(_ workload: ParseWorkload, _ inputs: [[UInt8]]) -> String {
        let loaded = ResourceUsage.peakResidentBytes
        _ = workload.pass(inputs)
        let once = ResourceUsage.peakResidentBytes
        for _ in 0..<5 { _ = workload.pass(inputs) }
        let sixTimes = ResourceUsage.peakResidentBytes
        let mb = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1e6) }
        return "peak RSS: corpus loaded \(mb(loaded)); after 1× corpus \(mb(once)); after 6× corpus \(mb(sixTimes))"
            + " (growth 1×→6×: \(mb(sixTimes - once)))"
    }

    static func describe(_ manifest: CorpusManifest) -> String {
        let attached = manifest.entries.filter(\.hasAttachment).count
        let defects = GeneratedMessage.Defect.allCases.map { defect in
            "\(defect.rawValue) \(manifest.entries.filter { $0.defect == defect }.count)"
        }
        return "  requests \(manifest.count(.request)), replies \(manifest.count(.reply)), "
            + "bounces \(manifest.count(.bounce)), auto-replies \(manifest.count(.autoReply)); "
            + "with attachment \(attached); defects planted: " + defects.joined(separator: ", ")
    }
}
