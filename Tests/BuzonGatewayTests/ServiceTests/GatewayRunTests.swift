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

    /// Issue #10 item 10: a backlog drained in one poll still pings the watchdog and sends the
    /// acknowledgements already queued between its batches — not only once it is all done.
    @Test func aBacklogPingsTheWatchdogAndSendsAcknowledgementsBetweenBatches() throws {
        var options = TestDesk.Options()
        options.batchSize = 2
        let desk = try TestDesk(options, start: Date())
        for index in 1...10 { desk.mailboxes["soporte"]!.append(Mails.request(index, from: "c\(index)@andina.cl").bytes) }
        let socket = try DatagramSocket(path: desk.directory.path + "/notify.sock")
        // WATCHDOG_USEC of 1 µs: every chance to ping is taken.
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "1"])
        // At each processed message: the pings systemd has seen and the acknowledgements sent.
        final class Progress: @unchecked Sendable {
            let socket: DatagramSocket
            var pings = 0
            var seen: [(pings: Int, sent: Int)] = []
            init(_ socket: DatagramSocket) { self.socket = socket }
        }
        let progress = Progress(socket)
        let capture = desk.log, sender = desk.sender
        let logger = Logger(minimumLevel: .debug, sink: { line in
            capture.append(line)
            guard line.contains("event=message.processed") && line.contains("mailbox=soporte") else { return }
            progress.pings += progress.socket.receiveAll().filter { $0 == "WATCHDOG=1" }.count
            progress.seen.append((progress.pings, sender.sent.count))
        })
        let signals = SignalWatcher()
        let runner = Runner(desk.makeGateway(logger: logger))
        runner.start(signals: signals, notifier: notifier, configPath: desk.configPath)
        #expect(desk.log.wait(for: "message.processed", count: 10))
        #expect(desk.log.wait(for: "outbox.sent", count: 10))
        signals.post(.stop)
        #expect(runner.finished.wait(timeout: .now() + 5) == .success)

        try #require(progress.seen.count == 10)
        // By the last batch (messages 9 and 10), four batches were done: four pings, eight acks.
        #expect(progress.seen[8].pings >= 4, "\(progress.seen)")
        #expect(progress.seen[8].sent >= 8, "\(progress.seen)")
        #expect(sender.sent.count == 10)
    }

    /// A poll stops at its budget with `more`; the round gives other mailboxes their turn and
    /// `runOnce` comes back for the rest until the mailbox is empty.
    @Test func aPollStopsAtItsBudgetAndTheRoundComesBackForTheRest() throws {
        var options = TestDesk.Options()
        options.batchSize = 2
        let desk = try TestDesk(options)
        let inbox = desk.mailboxes["soporte"]!
        for index in 1...7 { inbox.append(Mails.request(index, from: "c\(index)@andina.cl").bytes) }
        let first = try desk.makePoller().poll(budget: 4)
        #expect(first.fetched == 4)
        #expect(first.more)
        #expect(try desk.store.mailboxState(name: "soporte")?.lastUID == 4)

        let report = try desk.makeGateway(roundBudget: 2).runOnce()
        #expect(report.processed == 3)
        #expect(report.mailboxesPolled == 2)
        #expect(inbox.messages().allSatisfy { $0.seen })
        #expect(try desk.outbox(template: "acknowledgement").count == 7)
    }
}
