import Foundation
import BuzonMIME
import BuzonTesting

/// The steps of the demo, printed as they happen.
final class DemoRun {
    private var servers: LocalServers?
    private var work = ""

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func run() throws {
        section("1. Starting Dovecot (IMAP) and an SMTP server on 127.0.0.1")
        let servers = try LocalServers.start(users: ["soporte": "demo-secret", "ventas": "demo-secret"])
        self.servers = servers
        work = servers.directory + "/desk"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        print("IMAP 127.0.0.1:\(servers.imapPort)   SMTP 127.0.0.1:\(servers.smtpPort)   work dir \(work)")
        let config = try DemoConfig.write(servers: servers, into: work)
        try buzon(["check-config", "--config", config], show: true)

        section("2. The morning's mail arrives (6 messages, one of them sent to soporte@ and ventas@)")
        for (user, mail) in DemoMorning.firstWave() {
            try servers.deliver(mail.bytes, to: user)
            print("  \(user)@ ← \(mail.from): \(mail.subject)")
        }

        section("3. buzon run --once: poll both mailboxes, decide, store, acknowledge")
        try buzon(["run", "--once", "--config", config], show: true)
        let firstMail = try servers.waitForMessages(count: 5, timeout: 10)
        let ack = try acknowledgement(in: firstMail, to: "ana.perez@andina.cl")

        section("4. Ana answers with Outlook (reply-all), her colleague Carla adds a note from Gmail")
        for (user, mail) in DemoMorning.secondWave(acknowledgementID: ack.messageID, ticket: ack.ticket) {
            try servers.deliver(mail.bytes, to: user)
            print("  \(user)@ ← \(mail.from): \(mail.subject)")
        }
        try buzon(["run", "--once", "--config", config], show: true)

        section("5. Marta (staff) answers \(ack.ticket) from the command line and logs her time")
        try buzon(["reply", ack.ticket, "--config", config, "--from", "marta.rios@empresa.com", "--text",
                   "Hola Ana, Carla:\n\nEncontramos el problema: el RUC peruano no se validaba en la firma. Ya está corregido; pueden reenviar la F-2231.\n\nSaludos,\nMarta Ríos — Soporte Técnico"], show: true)
        try buzon(["log-time", ack.ticket, "--config", config, "--who", "MRR", "--minutes", "25", "--text", "Revisión de la firma del XML"], show: true)
        try buzon(["run", "--once", "--config", config], show: true)

        section("6. The desk: buzon tickets list")
        try buzon(["tickets", "list", "--config", config], show: true)
        section("7. One ticket in full: buzon tickets show \(ack.ticket)")
        try buzon(["tickets", "show", ack.ticket, "--config", config], show: true)
        section("8. Held for review: buzon held list")
        try buzon(["held", "list", "--config", config], show: true)
        section("9. buzon status")
        try buzon(["status", "--config", config], show: true)

        section("10. The mail customers received (as the SMTP server got it)")
        for message in try servers.receivedMessages() {
            let parsed = MessageParser().parse(message.bytes)
            print("  → \(message.recipients.joined(separator: ", "))")
            print("    Subject: \(parsed.subject)")
            for line in parsed.text.split(separator: "\n", omittingEmptySubsequences: false).prefix(7) {
                print("    | \(line)")
            }
            print("")
        }
        print("Logs of every buzon run: \(work)/buzon.log")
    }

    func finish() {
        if let servers {
            section("Stopping the servers")
            servers.stop()
            self.servers = nil
            print("done.")
        }
    }

    private func section(_ title: String) {
        print("\n\u{2501}\u{2501} \(title)")
    }

    /// The acknowledgement sent to `address`: its Message-ID and the ticket in its subject.
    private func acknowledgement(in messages: [SinkMessage], to address: String) throws -> (messageID: String, ticket: String) {
        for message in messages where message.recipients.contains(address) {
            let parsed = MessageParser().parse(message.bytes)
            if let id = parsed.messageID, let open = parsed.subject.firstIndex(of: "["), let close = parsed.subject.firstIndex(of: "]") {
                return (id, String(parsed.subject[parsed.subject.index(after: open)..<close]))
            }
        }
        throw Failure(description: "no acknowledgement reached \(address); see \(work)/buzon.log")
    }

    /// Runs the real `buzon` binary; its log lines go to a file, its output to the screen.
    private func buzon(_ arguments: [String], show: Bool) throws {
        print("$ buzon \(arguments.filter { !$0.hasPrefix(work) }.map { $0.contains(" ") || $0.contains("\n") ? "\"…\"" : $0 }.joined(separator: " "))")
        let process = Process()
        process.executableURL = DemoRun.buzonBinary
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        let log = FileHandle(forWritingAtPath: work + "/buzon.log") ?? {
            _ = FileManager.default.createFile(atPath: work + "/buzon.log", contents: nil)
            return FileHandle(forWritingAtPath: work + "/buzon.log")!
        }()
        log.seekToEndOfFile()
        process.standardError = log
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if show { print(String(decoding: data, as: UTF8.self), terminator: "") }
        guard process.terminationStatus == 0 else {
            throw Failure(description: "buzon \(arguments.first ?? "") exited \(process.terminationStatus); see \(work)/buzon.log")
        }
    }

    /// `buzon` is built next to this executable.
    static var buzonBinary: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("buzon")
    }
}
