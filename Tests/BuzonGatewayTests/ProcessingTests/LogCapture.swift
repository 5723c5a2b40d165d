import Foundation
@testable import BuzonGateway

/// Collects the log lines a `Logger` writes, so tests can count events
/// (`event=mailbox.poll_failed`) instead of reading standard error.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var captured: [String] = []

    func append(_ line: String) { lock.withLock { captured.append(line) } }

    var lines: [String] { lock.withLock { captured } }

    /// Lines of one event (`event=<name>` exactly, not a prefix of a longer name).
    func lines(event: String) -> [String] {
        lines.filter { $0.contains(" event=\(event) ") || $0.hasSuffix(" event=\(event)") }
    }

    func count(event: String) -> Int { lines(event: event).count }

    /// Waits (bounded) until `event` was logged at least `count` times; true when it was.
    func wait(for event: String, count: Int = 1, timeout: TimeInterval = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if self.count(event: event) >= count { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return self.count(event: event) >= count
    }
}
