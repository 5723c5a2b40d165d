import Foundation
import Testing
import BuzonMIME
import BuzonTesting
#if canImport(Glibc)
import Glibc
#endif

/// The poller through the real binary against real Dovecot and the SMTP sink (issue #10):
/// mail read by someone else, storage faults, backlogs, large mail, `run --once` failures.
@Suite(.serialized, .e2eServers(users: ["seen", "fault", "faultro", "backlog", "large", "oversize", "oversizeseen", "oncefail"].flatMap(E2EDesk.users)))
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

    /// The two faults of the attachments directory the issue names.
    enum DiskFault: String, CaseIterable, Sendable {
        /// A 1 MiB tmpfs filled up: ENOSPC.
        case full
        /// The tmpfs remounted read-only: EROFS.
        case readOnly

        func inject(_ directory: String) throws {
            switch self {
            case .full: _ = try? Shell.run("/bin/dd", ["if=/dev/zero", "of=\(directory)/filler", "bs=64k", "count=64"])
            case .readOnly: try Shell.run("/bin/mount", ["-o", "remount,ro", directory])
            }
        }

        func remove(_ directory: String) throws {
            switch self {
            case .full: try FileManager.default.removeItem(atPath: directory + "/filler")
            case .readOnly: try Shell.run("/bin/mount", ["-o", "remount,rw", directory])
            }
        }
    }

    /// A full or read-only attachments disk is the machine's fault, not the message's: the
    /// daemon backs the mailbox off and retries, the messages stay unmarked in INBOX across
    /// more polls than `maxProcessingAttempts` (3) and are never dead-lettered; once the
    /// fault is gone they become tickets.
    @Test(arguments: DiskFault.allCases)
    func anAttachmentsDiskFaultIsRetriedAndNeverDeadLettersTheMail(fault: DiskFault) throws {
        let key = "fault"
        let desk = try E2EDesk(fault == .full ? key : key + "ro",
                               options: .init(withVentas: false, gatewayLines: "poll_retry_base_seconds = 1\npoll_retry_max_seconds = 1"))
        let attachments = desk.directory + "/attachments"
        try FileManager.default.createDirectory(atPath: attachments, withIntermediateDirectories: true)
        try Shell.run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", attachments])
        defer { _ = try? Shell.run("/bin/umount", ["-l", attachments]) }
        try fault.inject(attachments)
        let customers = (1...2).map { "cliente\($0).\(desk.soporte)@andina.cl" }
        for (index, customer) in customers.enumerated() {
            var mail = Self.mail(index + 1, key: key)
            mail.from = customer
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

        try fault.remove(attachments)
        try desk.waitForMail(to: customers[1], timeout: 20)
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

    // MARK: Item 5: oversized mail is never destroyed

    static func attachmentMail(_ index: Int, key: String, bytes: Int, seed: UInt8 = 1) -> TestMail {
        var mail = Self.mail(index, key: key)
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index)
        mail.attachment = (filename: "respaldo\(index).bin", contentType: "application/octet-stream",
                           data: (0..<bytes).map { _ in
                               state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                               return UInt8(truncatingIfNeeded: state >> 33)
                           })
        return mail
    }

    /// `after = "move:…"` with a message over `max_message_bytes`: it gets its ticket (the cut
    /// attachment marked truncated, the customer told), and the whole original goes to the
    /// oversized folder instead of Procesados — nothing is expunged.
    @Test func anOversizedMessageIsKeptWholeInTheOversizedFolder() throws {
        let desk = try E2EDesk("oversize", options: .init(soporteAfter: "move:Procesados", withVentas: false,
                                                          soporteLines: "max_message_bytes = 4096"))
        let big = Self.attachmentMail(1, key: "oversize", bytes: 20_000)
        try desk.deliver(big)
        try desk.deliver(Self.mail(2, key: "oversize"))
        try desk.runOnce()

        #expect(try desk.maildir().isEmpty)
        #expect(try desk.maildir(folder: "Procesados").count == 1)
        let kept = try desk.maildir(folder: "Buzon-Oversized")
        #expect(kept.count == 1)
        #expect(try kept.first?.bytes() == big.bytes)
        let ticket = try #require(try desk.tickets().first { $0.string("contact") == "cliente1.oversize@andina.cl" })
        let detail = try desk.ticket(try #require(ticket.string("number")))
        let messages = try #require(detail["messages"] as? [[String: Any]])
        let attachments = try #require(messages.first?["attachments"] as? [[String: Any]])
        #expect(attachments.map { $0["truncated"] as? Bool } == [true])
        let events = try #require(detail["events"] as? [[String: Any]])
        #expect(events.contains { $0.string("type") == "oversized" })
        let ack = try #require(try desk.received(to: "cliente1.oversize@andina.cl").first)
        #expect(ack.parsed.text.contains("supera el tamaño que aceptamos"))
        let small = try #require(try desk.received(to: "cliente2.oversize@andina.cl").first)
        #expect(!small.parsed.text.contains("supera el tamaño"))
    }

    /// `after = "seen"`: the oversized message stays in INBOX, seen and flagged.
    @Test func anOversizedMessageIsFlaggedInPlaceWithAfterSeen() throws {
        let desk = try E2EDesk("oversizeseen", options: .init(withVentas: false, soporteLines: "max_message_bytes = 4096"))
        try desk.deliver(Self.attachmentMail(1, key: "oversizeseen", bytes: 20_000))
        try desk.runOnce()
        let inbox = try desk.maildir()
        #expect(inbox.count == 1)
        #expect(inbox.first.map { $0.isSeen && $0.flags.contains("F") } == true)
        #expect(try desk.tickets().count == 1)
    }

    // MARK: Item 11: large messages, memory bounded by bytes

    /// Messages of a few MB with a batch byte budget smaller than any of them: each is a
    /// batch alone and is stored whole — raw bytes byte-exact, attachment SHA-256 right.
    @Test func largeMessagesAreStoredWholeWithABatchBudgetSmallerThanOneMessage() throws {
        let desk = try E2EDesk("large", options: .init(withVentas: false, soporteLines: "batch_bytes = 10000"))
        let large = (1...3).map { Self.attachmentMail($0, key: "large", bytes: 2_500_000 + $0, seed: 7) }
        try desk.deliver(Self.mail(0, key: "large"))
        for mail in large { try desk.deliver(mail) }
        try desk.deliver(Self.mail(4, key: "large"))
        try desk.runOnce()

        #expect(try desk.tickets().count == 5)
        #expect(try desk.maildir().allSatisfy { $0.isSeen })
        let database = desk.directory + "/buzon.sqlite"
        for mail in large {
            let data = try #require(mail.attachment?.data)
            let ticket = try #require(try desk.tickets().first { $0.string("subject") == mail.subject })
            let detail = try desk.ticket(try #require(ticket.string("number")))
            let messages = try #require(detail["messages"] as? [[String: Any]])
            let attachment = try #require((messages.first?["attachments"] as? [[String: Any]])?.first)
            let sha = SHA256.hex(of: data)
            #expect(attachment.string("sha256") == sha)
            #expect(attachment["truncated"] as? Bool == false)
            let file = desk.directory + "/attachments/\(sha.prefix(2))/\(sha)"
            #expect(FileManager.default.contents(atPath: file).map { [UInt8]($0) } == data)
            let copy = desk.directory + "/raw-\(sha.prefix(8)).eml"
            try Shell.run("/usr/bin/sqlite3", [database,
                "SELECT writefile('\(copy)', bytes) FROM raw_messages WHERE sha256 = '\(SHA256.hex(of: mail.bytes))'"])
            #expect(FileManager.default.contents(atPath: copy).map { [UInt8]($0) } == mail.bytes)
        }
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
