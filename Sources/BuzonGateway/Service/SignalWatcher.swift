import Foundation
import Dispatch

/// Turns SIGTERM/SIGINT (stop) and SIGHUP (reload) into state the daemon loop reads,
/// and lets the loop sleep until the next due time or the next signal, whichever comes first.
///
/// Why not a C signal handler: it may not touch Swift objects. Dispatch's signal sources
/// run ordinary closures on a queue, after the default disposition has been set to ignore.
public final class SignalWatcher: @unchecked Sendable {
    public enum Request: Sendable, Equatable { case stop, reload }

    private let condition = NSCondition()
    private var pending: [Request] = []
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "buzon.signals")

    public init() {}

    /// Starts watching the real process signals. Tests call `post(_:)` instead.
    public func install() {
        for (number, request) in [(SIGTERM, Request.stop), (SIGINT, .stop), (SIGHUP, .reload)] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in self?.post(request) }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }

    /// Records a request and wakes the sleeping loop.
    public func post(_ request: Request) {
        condition.lock()
        pending.append(request)
        condition.broadcast()
        condition.unlock()
    }

    /// Sleeps until `deadline` or until a request arrives; returns and clears the requests.
    public func wait(until deadline: Date) -> [Request] {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty, Date() < deadline {
            _ = condition.wait(until: deadline)
        }
        let requests = pending
        pending.removeAll()
        return requests
    }

    /// Requests that arrived so far, without sleeping (the poller checks between messages).
    public var stopRequested: Bool {
        condition.lock()
        defer { condition.unlock() }
        return pending.contains(.stop)
    }
}
