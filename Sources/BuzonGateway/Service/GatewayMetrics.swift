import Foundation

/// Counters and a latency histogram, rendered in the Prometheus text exposition format
/// into a file for node_exporter's textfile collector (`[gateway] metrics_file`).
///
/// Counters live in memory and restart at zero with the daemon; Prometheus treats that as
/// a counter reset, which `rate()` handles. Gauges (tickets by state, outbox depth) are
/// read from the store at write time, so they are right even after a restart.
public final class GatewayMetrics: @unchecked Sendable {
    /// Upper bounds of the processing-latency buckets, in seconds.
    public static let latencyBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    private let lock = NSLock()
    private var processed: [String: Int] = [:]
    private var pollErrors: [String: Int] = [:]
    private var deadLetters: [String: Int] = [:]
    private var outboxSent = 0
    private var outboxFailures = 0
    private var latencyCounts = [Int](repeating: 0, count: GatewayMetrics.latencyBuckets.count)
    private var latencySum = 0.0
    private var latencyCount = 0

    public init() {}

    public func recordProcessed(decision: String, seconds: Double) {
        lock.withLock {
            processed[decision, default: 0] += 1
            latencySum += seconds
            latencyCount += 1
            for (index, bound) in GatewayMetrics.latencyBuckets.enumerated() where seconds <= bound {
                latencyCounts[index] += 1
            }
        }
    }

    public func recordPollError(mailbox: String) { lock.withLock { pollErrors[mailbox, default: 0] += 1 } }
    public func recordDeadLetter(mailbox: String) { lock.withLock { deadLetters[mailbox, default: 0] += 1 } }
    public func recordOutboxSent() { lock.withLock { outboxSent += 1 } }
    public func recordOutboxFailure() { lock.withLock { outboxFailures += 1 } }

    public func processedCount(decision: String) -> Int { lock.withLock { processed[decision] ?? 0 } }

    /// The exposition text. `ticketsByState` and `outboxDepth` come from the store.
    public func render(ticketsByState: [String: Int], outboxDepth: Int, outboxFailed: Int) -> String {
        lock.withLock {
            var out = ""
            func header(_ name: String, _ type: String, _ help: String) {
                out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            }
            header("buzon_messages_processed_total", "counter", "Incoming messages processed, by decision.")
            for (decision, count) in processed.sorted(by: { $0.key < $1.key }) {
                out += "buzon_messages_processed_total{decision=\"\(Self.label(decision))\"} \(count)\n"
            }
            header("buzon_tickets", "gauge", "Tickets by state.")
            for (state, count) in ticketsByState.sorted(by: { $0.key < $1.key }) {
                out += "buzon_tickets{state=\"\(Self.label(state))\"} \(count)\n"
            }
            header("buzon_outbox_depth", "gauge", "Outgoing messages queued and not yet sent.")
            out += "buzon_outbox_depth \(outboxDepth)\n"
            header("buzon_outbox_failed", "gauge", "Outgoing messages that failed permanently.")
            out += "buzon_outbox_failed \(outboxFailed)\n"
            header("buzon_outbox_sent_total", "counter", "Outgoing messages accepted by the SMTP server.")
            out += "buzon_outbox_sent_total \(outboxSent)\n"
            header("buzon_outbox_send_failures_total", "counter", "Failed send attempts (temporary and permanent).")
            out += "buzon_outbox_send_failures_total \(outboxFailures)\n"
            header("buzon_poll_errors_total", "counter", "Failed mailbox polls, by mailbox.")
            for (mailbox, count) in pollErrors.sorted(by: { $0.key < $1.key }) {
                out += "buzon_poll_errors_total{mailbox=\"\(Self.label(mailbox))\"} \(count)\n"
            }
            header("buzon_dead_letters_total", "counter", "Messages moved to the dead-letter folder, by mailbox.")
            for (mailbox, count) in deadLetters.sorted(by: { $0.key < $1.key }) {
                out += "buzon_dead_letters_total{mailbox=\"\(Self.label(mailbox))\"} \(count)\n"
            }
            header("buzon_processing_seconds", "histogram", "Time to decide and store one incoming message.")
            for (index, bound) in GatewayMetrics.latencyBuckets.enumerated() {
                out += "buzon_processing_seconds_bucket{le=\"\(bound)\"} \(latencyCounts[index])\n"
            }
            out += "buzon_processing_seconds_bucket{le=\"+Inf\"} \(latencyCount)\n"
            out += "buzon_processing_seconds_sum \(latencySum)\n"
            out += "buzon_processing_seconds_count \(latencyCount)\n"
            return out
        }
    }

    /// Label values escape `\`, `"` and newlines (exposition format rules).
    static func label(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Writes atomically (temp file + rename) so the collector never reads half a file.
    ///
    /// Why rename(2) and not `FileManager.replaceItemAt`: on Linux the latter fails with
    /// "file doesn't exist" when the destination is missing, so the first write never happened.
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey:
                "renaming \(temporary.path) to \(path): \(reason); check the directory is writable"])
        }
    }
}
