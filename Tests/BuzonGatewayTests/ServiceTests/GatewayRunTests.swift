import Testing
import Foundation
import BuzonTransport
@testable import BuzonGateway
@testable import BuzonTesting

/// `Gateway.run` on a background thread, driven by `SignalWatcher.post` from the test thread
/// (no real signals), with a real notify socket to see what systemd would see.
@Suite struct GatewayRunTests {
    /// Runs a gateway on its own thread; `finished` is signalled when `run` returns.
    final class Runner: @unchecked Sendable {
        let gateway: Gateway
        let finished = DispatchSemaphore(value: 0)
        private(set) var error: Error?

        init(_ gateway: Gateway) { self.gateway = gateway }

        func start(signals: SignalWatcher, notifier: SystemdNotifier, configPath: String) {
            let thread = Thread { [self] in
                do { try gateway.run(signals: signals, notifier: notifier, configPath: configPath) } catch { self.error = error }
                finished.signal()
            }
            thread.start()
        }
    }

    @Test func stopFromAnotherThreadEndsTheLoopAndABrokenReloadKeepsTheOldRuntime() throws {
        // A clock near real time: the loop sleeps on the signal watcher until the next poll.
        let desk = try TestDesk(start: Date())
        desk.mailboxes["ventas"]!.append(Mails.request(1).bytes)
        let socket = try DatagramSocket(path: desk.directory.path + "/notify.sock")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.path])
        let signals = SignalWatcher()
        let runner = Runner(desk.makeGateway())
        runner.start(signals: signals, notifier: notifier, configPath: desk.configPath)

        #expect(desk.log.wait(for: "gateway.started"))
        #expect(desk.log.wait(for: "outbox.sent"))
        #expect(try desk.tickets().count == 1)

        try Data("[gateway\nthis is not toml".utf8).write(to: URL(fileURLWithPath: desk.configPath))
        signals.post(.reload)
        #expect(desk.log.wait(for: "gateway.reload_refused"))
        #expect(desk.log.lines(event: "gateway.reload_refused").first?.contains(desk.configPath) == true)

        signals.post(.stop)
        #expect(runner.finished.wait(timeout: .now() + 5) == .success)
        #expect(runner.error == nil)
        #expect(desk.log.count(event: "gateway.stopped") == 1)
        #expect(runner.gateway.runtime.config.mailboxes.map(\.name) == ["soporte", "ventas"])

        let states = socket.receiveAll()
        #expect(states.first?.hasPrefix("READY=1\nSTATUS=polling 2 mailboxes") == true)
        #expect(states.contains("RELOADING=1"))
        #expect(states.last == "STOPPING=1")
    }

    @Test func aFailingMailboxWaitsForItsBackoffWhileTheLoopSleeps() throws {
        let desk = try TestDesk(start: Date())
        let soporte = desk.mailboxes["soporte"]!
        soporte.failAlways(.open, with: TransportError(.network, operation: "IMAP connect", message: "connection refused"))
        let signals = SignalWatcher()
        // WATCHDOG_USEC of 0.2 s: the loop wakes to ping every 0.1 s.
        let socket = try DatagramSocket(path: desk.directory.path + "/notify.sock")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "200000"])
        let runner = Runner(desk.makeGateway(pollBackoff: Backoff(base: 30, maximum: 300)))
        runner.start(signals: signals, notifier: notifier, configPath: desk.configPath)

        #expect(desk.log.wait(for: "mailbox.poll_failed"))
        // Let the loop wake for the watchdog a few times (bounded wait).
        var states: [String] = []
        let deadline = Date().addingTimeInterval(5)
        while states.filter({ $0 == "WATCHDOG=1" }).count < 3, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            states += socket.receiveAll()
        }
        signals.post(.stop)
        #expect(runner.finished.wait(timeout: .now() + 5) == .success)

        // Several wake-ups, but the failing mailbox was tried once: its next poll is 30 s away.
        #expect(soporte.calls.filter { $0 == .open }.count == 1)
        #expect(desk.mailboxes["ventas"]!.calls.filter { $0 == .open }.count == 1)
        #expect(desk.log.count(event: "mailbox.poll_failed") == 1)
        states += socket.receiveAll()
        #expect(states.filter { $0 == "WATCHDOG=1" }.count >= 3)
        #expect(states.last == "STOPPING=1")
    }

    @Test func aValidReloadSwapsTheRuntime() throws {
        let desk = try TestDesk(start: Date())
        let signals = SignalWatcher()
        let runner = Runner(desk.makeGateway())
        runner.start(signals: signals, notifier: SystemdNotifier(environment: [:]), configPath: desk.configPath)
        #expect(desk.log.wait(for: "gateway.started"))

        let text = try String(contentsOfFile: desk.configPath, encoding: .utf8)
            .replacingOccurrences(of: "name = \"ventas\"", with: "name = \"comercial\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: desk.configPath))
        signals.post(.reload)
        #expect(desk.log.wait(for: "gateway.reloaded"))
        signals.post(.stop)
        #expect(runner.finished.wait(timeout: .now() + 5) == .success)
        #expect(runner.gateway.runtime.config.mailboxes.map(\.name) == ["soporte", "comercial"])
    }
}
