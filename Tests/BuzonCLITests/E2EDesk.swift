import Foundation
import Testing
import BuzonMIME
import BuzonTesting

/// One test's desk: its own work directory, database and configuration, pointed at the suite's
/// real servers and at the test's own mailbox users (`KEYs` for soporte@, `KEYv` for ventas@).
/// Runs the real `buzon` binary and reads back what it did — tickets and outbox as JSON, the mail
/// the SMTP sink received, the Maildir flags.
struct E2EDesk {
    static let password = "e2e-secret"
    /// The repository's `Templates/`, the ones the binary ships with.
    static var templatesDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Templates").path
    }

    /// Knobs a test may turn; everything else is the demo desk's configuration.
    struct Options {
        var soporteAfter = "seen"
        var ventasAfter = "seen"
        var withVentas = true
        var pollSeconds = 1
        var batchSize = 50
        var unknownSender = "reject"
        /// `[gateway] reopen_window_days`; nil keeps the default (14).
        var reopenWindowDays: Int?
        /// IMAPS and SMTPS with the servers' certificate as CA, TLS required.
        var tls = false
    }

    let servers: LocalServers
    let directory: String
    let configPath: String
    /// IMAP users behind soporte@empresa.com and ventas@empresa.com for this test.
    let soporte: String
    let ventas: String
    let options: Options

    /// Mailbox users a suite must create for a test named `key`.
    static func users(_ key: String) -> [String] { [key + "s", key + "v"] }

    init(_ key: String, options: Options = Options()) throws {
        servers = try E2EServers.servers()
        directory = servers.directory + "/desk-" + key
        soporte = key + "s"
        ventas = key + "v"
        self.options = options
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "\(Self.password)\n".write(toFile: directory + "/mail.pass", atomically: true, encoding: .utf8)
        configPath = directory + "/buzon.toml"
        try configText().write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    func configText() -> String {
        let imapURL = servers.imapURL(implicitTLS: options.tls)
        let tlsLines = options.tls ? "ca_file = \"\(servers.caFile)\"\nrequire_tls = true\n" : ""
        var text = """
        [gateway]
        ticket_prefix = "OP"
        first_ticket_number = 10044
        database = "buzon.sqlite"
        attachments_dir = "attachments"
        templates_dir = "\(Self.templatesDirectory)"
        language = "es"
        unknown_sender = "\(options.unknownSender)"
        staff = ["marta.rios@empresa.com"]
        domain = "empresa.com"
        \(options.reopenWindowDays.map { "reopen_window_days = \($0)" } ?? "")

        [smtp]
        url = "\(servers.smtpURL(implicitTLS: options.tls))"
        username = "\(soporte)"
        password_file = "mail.pass"
        from = "soporte@empresa.com"
        from_name = "Soporte Técnico Empresa"
        retry_base_seconds = 1
        retry_max_seconds = 2
        \(tlsLines)
        [[mailbox]]
        name = "soporte"
        url = "\(imapURL)"
        username = "\(soporte)"
        password_file = "mail.pass"
        address = "soporte@empresa.com"
        department = "Soporte"
        poll_seconds = \(options.pollSeconds)
        batch_size = \(options.batchSize)
        after = "\(options.soporteAfter)"
        \(tlsLines)
        """
        if options.withVentas {
            text += """

            [[mailbox]]
            name = "ventas"
            url = "\(imapURL)"
            username = "\(ventas)"
            password_file = "mail.pass"
            address = "ventas@empresa.com"
            department = "Ventas"
            poll_seconds = \(options.pollSeconds)
            after = "\(options.ventasAfter)"
            \(tlsLines)
            """
        }
        text += """

        [[organization]]
        name = "Constructora Andina"
        authorized = ["@andina.cl"]

        """
        return text
    }

    // MARK: Running the binary

    /// `buzon ARGS --config FILE`.
    @discardableResult
    func buzon(_ arguments: [String]) throws -> BuzonBinary.Result {
        try BuzonBinary.run(arguments + ["--config", configPath])
    }

    /// `buzon ARGS` that must succeed; returns its standard output.
    @discardableResult
    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try buzon(arguments)
        try #require(result.status == 0, "buzon \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)",
                     sourceLocation: sourceLocation)
        return result.stdout
    }

    /// `buzon run --once`: poll every mailbox once and drain the outbox.
    func runOnce(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try succeed(["run", "--once"], sourceLocation: sourceLocation)
    }

    /// `buzon ARGS --json`, parsed.
    func json(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
        let output = try succeed(arguments + ["--json"], sourceLocation: sourceLocation)
        return try JSONSerialization.jsonObject(with: Data(output.utf8))
    }

    func tickets() throws -> [[String: Any]] {
        try #require(try json(["tickets", "list"]) as? [[String: Any]])
    }

    func ticket(_ number: String) throws -> [String: Any] {
        try #require(try json(["tickets", "show", number]) as? [String: Any])
    }

    func outbox() throws -> [[String: Any]] {
        try #require(try json(["outbox", "list"]) as? [[String: Any]])
    }

    func held() throws -> [[String: Any]] {
        try #require(try json(["held", "list"]) as? [[String: Any]])
    }

    func status() throws -> [String: Any] {
        try #require(try json(["status"]) as? [String: Any])
    }

    // MARK: Mail in and out

    /// Puts a message into the soporte@ (default) or ventas@ mailbox of this test, unseen.
    func deliver(_ mail: TestMail, toVentas: Bool = false) throws {
        try servers.deliver(mail.bytes, to: toVentas ? ventas : soporte)
    }

    func deliver(raw: [UInt8], toVentas: Bool = false) throws {
        try servers.deliver(raw, to: toVentas ? ventas : soporte)
    }

    /// What the SMTP sink received for `address` (envelope recipient), oldest first.
    func received(to address: String) throws -> [SinkMessage] {
        try servers.receivedMessages().filter { $0.recipients.contains(address) }
    }

    /// Waits until at least `count` messages for `address` reached the sink.
    @discardableResult
    func waitForMail(to address: String, count: Int = 1, timeout: TimeInterval = 10) throws -> [SinkMessage] {
        try servers.waitForMessages(count: count, timeout: timeout) { $0.recipients.contains(address) }
    }

    /// Maildir contents of this test's soporte@ (or ventas@) folder.
    func maildir(ventas useVentas: Bool = false, folder: String = "INBOX") throws -> [MaildirMessage] {
        try servers.maildirMessages(user: useVentas ? ventas : soporte, folder: folder)
    }

    /// The log lines `buzon` wrote for the daemon of this desk.
    var logPath: String { directory + "/buzon.log" }
}
