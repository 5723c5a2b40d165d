import Foundation
import Testing
import BuzonMIME
import BuzonTesting
#if canImport(Glibc)
import Glibc
#endif

/// The poller through the real binary against real Dovecot and the SMTP sink (issue #10):
/// mail read by someone else, storage faults, backlogs, large mail, `run --once` failures.
@Suite(.serialized, .e2eServers(users: ["seen", "fault", "backlog", "large", "oncefail"].flatMap(E2EDesk.users)))
struct E2EPollerTests {
    static func mail(_ index: Int, key: String) -> TestMail {
        TestMail(from: "cliente\(index).\(key)@andina.cl", to: ["soporte@empresa.com"],
                 subject: "Consulta \(key) número \(index)",
                 body: "Hola:\n\nLa consulta número \(index) sobre el sistema de facturación.\n\nSaludos",
                 messageID: "\(key)-\(index)@mail.andina.cl")
    }

    /// Item 1: with `after = "seen"`, a message a colleague opened in webmail before the poll
    /// (so it is `\Seen` on the server) still becomes a ticket: only the first poll of a
    /// mailbox leaves mail already read alone.
    @Test func mailAColleagueReadBeforeThePollStillBecomesATicket() throws {
        let desk = try E2EDesk("seen", options: .init(withVentas: false))
        try desk.deliver(Self.mail(0, key: "seen"), seen: true)  // history, read before Buzón started
        try desk.deliver(Self.mail(1, key: "seen"))
        try desk.runOnce()
        #expect(try desk.tickets().count == 1)

        try desk.deliver(Self.mail(2, key: "seen"), seen: true)  // opened by a colleague first
        try desk.deliver(Self.mail(3, key: "seen"))
        try desk.runOnce()
        let contacts = Set(try desk.tickets().compactMap { $0.string("contact") })
        #expect(contacts == ["cliente1.seen@andina.cl", "cliente2.seen@andina.cl", "cliente3.seen@andina.cl"])
        #expect(try desk.received(to: "cliente2.seen@andina.cl").count == 1)
        #expect(try desk.received(to: "cliente0.seen@andina.cl").isEmpty)
    }

    // MARK: Item 2: storage faults back off, never dead-letter

    /// A full attachments disk (a 1 MiB tmpfs filled up: ENOSPC) is the machine's fault, not
    /// the message's: the daemon backs the mailbox off and retries, the messages stay unmarked
    /// in INBOX across more polls than `maxProcessingAttempts` (3) and are never dead-lettered;
    /// once space is freed they become tickets.
    @Test func aFullAttachmentsDiskIsRetriedAndNeverDeadLettersTheMail() throws {
        let desk = try E2EDesk("fault", options: .init(withVentas: false,
                                                       gatewayLines: "poll_retry_base_seconds = 1\npoll_retry_max_seconds = 1"))
        let attachments = desk.directory + "/attachments"
        try FileManager.default.createDirectory(atPath: attachments, withIntermediateDirectories: true)
        try Shell.run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", attachments])
        defer { _ = try? Shell.run("/bin/umount", ["-l", attachments]) }
        _ = try? Shell.run("/bin/dd", ["if=/dev/zero", "of=\(attachments)/filler", "bs=64k", "count=64"])
        for index in 1...2 {
            var mail = Self.mail(index, key: "fault")
            mail.attachment = (filename: "planilla\(index).xlsx", contentType: "application/octet-stream",
                               data: [UInt8]((0..<30_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ index) }))
            try desk.deliver(mail)
        }

        let daemon = try BuzonDaemon(desk: desk)
        // Two messages deferred on each of five polls: more polls than the three strikes.
        #expect(daemon.waitForEvent("message.deferred", count: 10, timeout: 30), "log: \(daemon.log)")
        #expect(daemon.events("message.dead_lettered").isEmpty)
        #expect(daemon.events("message.failed").isEmpty)
        #expect(!desk.servers.folderExists(user: desk.soporte, folder: "Buzon-DeadLetter"))
        let inbox = try desk.maildir()
        #expect(inbox.count == 2)
        #expect(inbox.allSatisfy { !$0.isSeen })
        #expect(try desk.tickets().isEmpty)

        try FileManager.default.removeItem(atPath: attachments + "/filler")
        try desk.waitForMail(to: "cliente2.fault@andina.cl", timeout: 20)
        #expect(try desk.tickets().count == 2)
        #expect(try waitUntil(timeout: 10) { try desk.maildir().allSatisfy { $0.isSeen } })
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
    }

    // MARK: Item 10: a backlog does not hold the acknowledgements back

    /// 300 messages waiting: acknowledgements go out between batches while the backlog is
    /// worked through, not after the last message (order of the log lines, not time).
    @Test func acknowledgementsGoOutWhileABacklogDrains() throws {
        let desk = try E2EDesk("backlog", options: .init(withVentas: false))
        let count = 300
        for index in 0..<count { try desk.deliver(Self.mail(index, key: "backlog")) }
        let result = try desk.buzon(["run", "--once"])
        try #require(result.status == 0, "\(result.stderr.suffix(2000))")

        let events = result.stderr.split(separator: "\n").compactMap { line -> String? in
            if line.contains("event=message.processed") { return "processed" }
            if line.contains("event=outbox.sent") { return "sent" }
            return nil
        }
        let firstSent = try #require(events.firstIndex(of: "sent"), "no acknowledgement sent")
        let processedBefore = events[..<firstSent].filter { $0 == "processed" }.count
        #expect(processedBefore < count, "the first acknowledgement went out only after all \(count) messages")
        #expect(processedBefore <= 50, "at most one batch before the first acknowledgement, got \(processedBefore)")
        #expect(events.filter { $0 == "processed" }.count == count)
        let customers = Set((0..<count).map { "cliente\($0).backlog@andina.cl" })
        let acknowledged = try desk.servers.receivedMessages().flatMap(\.recipients).filter { customers.contains($0) }
        #expect(acknowledged.count == count)
        #expect(Set(acknowledged) == customers)
    }

    // MARK: Item 12: `run --once` says when nothing could be done

    /// No mailbox reachable → 75; the SMTP server unreachable with mail due → 75; the
    /// mailbox failing while another works is not a failed round.
    @Test func runOnceExitsTempFailWhenNoMailboxOrNoSMTPServerCanBeReached() throws {
        let desk = try E2EDesk("oncefail", options: .init(withVentas: false))
        let good = desk.configText()
        let closed = "imap://127.0.0.1:1/INBOX"

        try good.replacingOccurrences(of: desk.servers.imapURL(), with: closed)
            .write(toFile: desk.configPath, atomically: true, encoding: .utf8)
        let noMailbox = try desk.buzon(["run", "--once"])
        #expect(noMailbox.status == 75, "stderr: \(noMailbox.stderr)")
        #expect(noMailbox.stderr.contains("no mailbox could be polled"))

        try desk.deliver(Self.mail(1, key: "oncefail"))
        try good.replacingOccurrences(of: desk.servers.smtpURL(), with: "smtp://127.0.0.1:1")
            .write(toFile: desk.configPath, atomically: true, encoding: .utf8)
        let noSMTP = try desk.buzon(["run", "--once"])
        #expect(noSMTP.status == 75, "stderr: \(noSMTP.stderr)")
        #expect(noSMTP.stderr.contains("SMTP server could not be reached"))
        #expect(try desk.tickets().count == 1)

        // Back: the queued acknowledgement goes once its retry time (1 s) has come.
        try good.write(toFile: desk.configPath, atomically: true, encoding: .utf8)
        #expect(try waitUntil(timeout: 10) {
            try desk.runOnce()
            return try desk.received(to: "cliente1.oncefail@andina.cl").count == 1
        })
        // duration_ms is each message's own, logged per message.
        try desk.deliver(Self.mail(2, key: "oncefail"))
        let logged = try desk.buzon(["run", "--once"])
        #expect(logged.stderr.split(separator: "\n").filter { $0.contains("event=message.processed") && $0.contains("duration_ms=") }.count == 1)
    }
}

/// Runs a system command for test setup; throws with its output when it fails.
enum Shell {
    @discardableResult
    static func run(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ShellError(description: "\(path) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(text)")
        }
        return text
    }
}

struct ShellError: Error, CustomStringConvertible {
    var description: String
}
