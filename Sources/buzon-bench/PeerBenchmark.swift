import Foundation

/// Times other parsers on the same corpus through `scripts/bench_email_peer.py --serve`
/// (`PeerProcess`), one process per implementation. The peers load the corpus before any
/// timing; their rounds then run between Buzón's rounds, one implementation at a time (so
/// none compete for a core), and every implementation keeps its best round. A missing
/// interpreter or a failing peer is reported and skipped.
enum PeerBenchmark {
    typealias Row = (String, ParseBenchmark.Measurement, ParseBenchmark.Measurement)

    static func start(_ options: ParseBenchmarkOptions, corpus: String) -> [PeerProcess] {
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
            return PeerProcess(name: peer.name, python: peer.python, script: script, corpus: corpus)
        }
    }
}
