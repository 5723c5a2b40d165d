import Foundation
import Testing
import BuzonMIME
import BuzonTesting
#if canImport(Glibc)
import Glibc
#endif

/// The daemon (`buzon run`, no `--once`) against real servers: a crash in the middle of a
/// batch, an IMAP outage, an SMTP outage, and its signals. Serialized: two tests stop servers
/// the others rely on.
@Suite(.serialized, .e2eServers(users: ["crash", "imapdown", "smtpdown", "signals"].flatMap(E2EDesk.users)))
struct E2EDaemonTests {
    static func mail(_ index: Int, key: String, customer: String? = nil) -> TestMail {
        TestMail(from: customer ?? "cliente\(index).\(key)@andina.cl", to: ["soporte@empresa.com"],
                 subject: "Consulta \(key) número \(index)",
                 body: "Hola:\n\nLa consulta número \(index) sobre el sistema de facturación.\n\nSaludos",
                 messageID: "\(key)-\(index)@mail.andina.cl")
    }

    /// SIGKILL while the first poll works through 200 messages, then a restart: every message
    /// ends up exactly once — one ticket per customer, all marked — and every customer gets an
    /// acknowledgement, at most one of them twice (the kill's one at-least-once window).
    @Test func killedMidBatchThenRestartedHandlesEveryMessageExactlyOnce() throws {
        let desk = try E2EDesk("crash", options: .init(soporteAfter: "move:Procesados", withVentas: false))
        let count = 200
        let customers = Set((0..<count).map { "cliente\($0).crash@andina.cl" })
        for index in 0..<count { try desk.deliver(Self.mail(index, key: "crash")) }

        let first = try BuzonDaemon(desk: desk)
        let begun = try waitUntil(timeout: 30) { try desk.maildir(folder: "Procesados").count >= 15 }
        first.kill9()
        try #require(begun, "the daemon moved no mail within 30 s; log: \(first.log)")
        let movedAtKill = try desk.maildir(folder: "Procesados").count
        #expect(movedAtKill < count, "the kill must land in the middle of the batch")

        let second = try BuzonDaemon(desk: desk)
        try desk.servers.waitForMessages(count: count, timeout: 30) { !customers.isDisjoint(with: $0.recipients) }
        #expect(try waitUntil(timeout: 10) { try desk.maildir().isEmpty })
        usleep(1_500_000)  // a poll and an outbox round more: nothing may be sent twice
        second.signal(SIGTERM)
        #expect(second.waitForExit(timeout: 10) == 0)

        let tickets = try desk.tickets()
        #expect(tickets.count == count)
        #expect(Set(tickets.compactMap { $0.string("contact") }) == customers)
        var acknowledgements: [String: Int] = [:]
        for message in try desk.servers.receivedMessages() {
            for recipient in message.recipients where customers.contains(recipient) { acknowledgements[recipient, default: 0] += 1 }
        }
        #expect(acknowledgements.count == count)
        // At-least-once, never lost: the one notice the SMTP server accepted just before the kill,
        // and before its `sent` committed, may go out once more — at most one per kill.
        let doubled = acknowledgements.filter { $0.value > 1 }
        #expect(doubled.count <= 1 && doubled.values.allSatisfy { $0 == 2 }, "duplicates: \(doubled)")
        #expect(try desk.maildir(folder: "Procesados").count == count)
        #expect(try desk.outbox().allSatisfy { $0.string("status") == "sent" })
        print("crash test: killed after \(movedAtKill) of \(count) messages moved")
    }

    /// Dovecot stopped and started again under a running daemon: it logs the failure once and
    /// picks up mail that arrived during the outage by itself.
    @Test func imapOutageIsSurvivedWithoutRestart() throws {
        let desk = try E2EDesk("imapdown", options: .init(withVentas: false))
        let daemon = try BuzonDaemon(desk: desk)
        defer { try? desk.servers.startIMAP() }
        try desk.deliver(Self.mail(1, key: "imapdown"))
        try desk.waitForMail(to: "cliente1.imapdown@andina.cl")

        desk.servers.stopIMAP()
        #expect(daemon.waitForEvent("mailbox.poll_failed", timeout: 10), "log: \(daemon.log)")
        let status = try desk.status()
        let mailbox = try #require(status.objects("mailboxes").first)
        #expect(mailbox.string("last_error") != nil)
        try desk.deliver(Self.mail(2, key: "imapdown"))
        try desk.servers.startIMAP()

        try desk.waitForMail(to: "cliente2.imapdown@andina.cl", timeout: 20)
        #expect(daemon.waitForEvent("mailbox.recovered"))
        #expect(daemon.events("mailbox.poll_failed").count == 1, "\(daemon.events("mailbox.poll_failed"))")
        #expect(daemon.isRunning)
        #expect(try desk.tickets().count == 2)
        #expect(try desk.status().objects("mailboxes").first?["last_error"] is NSNull)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
    }

    /// The SMTP server down: acknowledgements wait in the outbox (queued, attempts counted,
    /// the error kept) and go out when it is back, without a restart.
    @Test func smtpOutageQueuesAcknowledgementsUntilTheServerReturns() throws {
        let desk = try E2EDesk("smtpdown", options: .init(withVentas: false))
        desk.servers.stopSMTP()
        defer { try? desk.servers.startSMTP() }
        let daemon = try BuzonDaemon(desk: desk)
        let customer = "cliente1.smtpdown@andina.cl"
        try desk.deliver(Self.mail(1, key: "smtpdown"))

        let retried = try waitUntil(timeout: 15) {
            try desk.outbox().first.map { ($0.int("attempts") ?? 0) >= 2 } ?? false
        }
        #expect(retried, "log: \(daemon.log)")
        let entry = try #require(try desk.outbox().first)
        #expect(entry.string("status") == "queued")
        #expect(entry.string("template") == "acknowledgement")
        #expect(entry["to"] as? [String] == [customer])
        #expect(entry.string("last_error") != nil)
        #expect(try desk.received(to: customer).isEmpty)

        try desk.servers.startSMTP()
        try desk.waitForMail(to: customer, timeout: 15)
        #expect(try waitUntil(timeout: 5) { try desk.outbox().first?.string("status") == "sent" })
        usleep(1_000_000)
        #expect(try desk.received(to: customer).count == 1)
        #expect(daemon.events("outbox.retry").count >= 1)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
    }

    /// SIGHUP with a broken config keeps the old one; with a good one reloads; SIGTERM stops
    /// promptly with exit 0 and leaves every committed message marked.
    @Test func signalsReloadAndStopCleanly() throws {
        let desk = try E2EDesk("signals", options: .init(withVentas: false))
        let daemon = try BuzonDaemon(desk: desk)
        #expect(daemon.waitForEvent("gateway.started"))
        let good = try String(contentsOfFile: desk.configPath, encoding: .utf8)

        try (good + "\n[[mailbox]]\nname = \"roto\"\npoll_seconds = \"pronto\"\n").write(toFile: desk.configPath, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(daemon.waitForEvent("gateway.reload_refused"), "log: \(daemon.log)")
        #expect(daemon.isRunning)
        try desk.deliver(Self.mail(1, key: "signals"))
        try desk.waitForMail(to: "cliente1.signals@andina.cl")

        try good.write(toFile: desk.configPath, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(daemon.waitForEvent("gateway.reloaded"), "log: \(daemon.log)")
        try desk.deliver(Self.mail(2, key: "signals"))
        try desk.waitForMail(to: "cliente2.signals@andina.cl")

        // A batch in hand: stop as soon as the first of 60 messages is marked.
        for index in 100..<160 { try desk.deliver(Self.mail(index, key: "signals")) }
        _ = try waitUntil(timeout: 10) { try desk.maildir().filter { $0.isSeen }.count > 2 }
        let stopAt = Date()
        daemon.signal(SIGTERM)
        let exit = daemon.waitForExit(timeout: 5)
        let stopSeconds = Date().timeIntervalSince(stopAt)
        #expect(exit == 0)
        #expect(stopSeconds < 3)
        #expect(daemon.events("gateway.stopped").count == 1)

        // The message in hand was finished: every committed message is marked, and the rest
        // are left unseen for the next run, which takes them all.
        let seen = try desk.maildir().filter { $0.isSeen }.count
        #expect(try desk.tickets().count == seen)
        try desk.runOnce()
        #expect(try desk.tickets().count == 62)
        #expect(try desk.maildir().allSatisfy { $0.isSeen })
        print("signals test: SIGTERM → exit in \(String(format: "%.2f", stopSeconds)) s, \(seen) of 62 messages done before the stop")
    }
}
