import Foundation
import BuzonMIME
import BuzonStore
import BuzonTransport
@testable import BuzonGateway
import BuzonConfig
@testable import BuzonTesting

/// One desk for a test: a temp directory with a real SQLite store, a configuration parsed
/// from TOML text, the repository's real templates, a manual clock, a capturing logger, one
/// `MemoryMailbox` per configured mailbox and a `MemorySender`, plus a `Gateway` wired to them.
///
/// The clock starts on Monday 23 Nov 2026, 10:00 in America/Santiago (13:00 UTC), inside
/// business hours. Tickets are numbered from OP10044.
final class TestDesk {
    struct Options {
        /// `after` of the `soporte` mailbox: "seen", "delete" or "move:Folder".
        var after = "seen"
        var batchSize = 50
        /// `max_open_tickets` of Andina Ltda.; nil for no limit.
        var maxOpenTickets: Int?
        var smtpMaxAttempts = 3
        /// Extra lines for [gateway].
        var gateway = ""
        var metrics = true
        /// `max_message_bytes` of the `soporte` mailbox; nil for the default (25 MiB).
        var maxMessageBytes: Int?
        /// `batch_bytes` of the `soporte` mailbox; nil for the default (8 MiB).
        var batchBytes: Int?
        var maxAutoRepliesPerHour = 100
        /// `unknown_sender` of the `ventas` mailbox; nil to follow [gateway] ("reject").
        var ventasUnknownSender: String?
    }

    static let monday10am = Date(timeIntervalSince1970: 1_795_438_800)

    let directory: TemporaryDirectory
    let configPath: String
    let runtime: GatewayRuntime
    let store: TicketStore
    let clock: ManualClock
    let log = LogCapture()
    let logger: Logger
    let mailboxes: [String: MemoryMailbox]
    let sender = MemorySender()
    let processor: MessageProcessor

    init(_ options: Options = Options(), start: Date = TestDesk.monday10am) throws {
        directory = try TemporaryDirectory()
        let text = TestDesk.configText(options)
        configPath = try directory.write(text, to: "buzon.toml")
        let config = try GatewayConfig.parse(text, file: configPath, baseDirectory: directory.path)
        let templates = try TemplateSet.load(directory: Repository.templates, languages: config.languages,
                                             timeZone: config.calendar.timeZone)
        runtime = GatewayRuntime(config: config, templates: templates)
        store = try TicketStore(databasePath: config.database, attachmentsDirectory: config.attachmentsDirectory,
                                durability: .normal)
        let clock = ManualClock(start)
        self.clock = clock
        let capture = log
        logger = Logger(minimumLevel: .debug, clock: { clock.now }, sink: { capture.append($0) })
        mailboxes = Dictionary(uniqueKeysWithValues: config.mailboxes.map { ($0.name, MemoryMailbox(folder: $0.url.path)) })
        processor = MessageProcessor(runtime: runtime, store: store, clock: { clock.now }, logger: logger)
    }

    /// A gateway using this desk's fakes (built fresh: it keeps its own pollers and schedules).
    func makeGateway(pollBackoff: Backoff = Backoff(base: 5, maximum: 300),
                     makeSender: Gateway.SenderFactory? = nil, roundBudget: Int = 500, logger: Logger? = nil) -> Gateway {
        let mailboxes = self.mailboxes
        let sender = self.sender
        let clock = self.clock
        return Gateway(runtime: runtime, store: store,
                       makeMailbox: { config in
                           guard let mailbox = mailboxes[config.name] else {
                               throw TransportError(.configuration, operation: "test", message: "no fake for \(config.name)")
                           }
                           return mailbox
                       },
                       makeSender: makeSender ?? { _ in sender }, clock: { clock.now }, logger: logger ?? self.logger,
                       pollBackoff: pollBackoff, roundBudget: roundBudget)
    }

    /// A poller of mailbox `name` over its fake, with `processor` (default: the desk's).
    func makePoller(_ name: String = "soporte", processor: MessageProcessor? = nil, maxAttempts: Int = 3) -> MailboxPoller {
        MailboxPoller(mailbox: mailbox(name), client: mailboxes[name]!, processor: processor ?? self.processor, store: store,
                      deadLetterFolder: runtime.config.deadLetterFolder, maxProcessingAttempts: maxAttempts, logger: logger)
    }

    func makeOutboxSender(maxAttempts: Int? = nil) -> OutboxSender {
        let clock = self.clock
        let smtp = runtime.config.smtp
        return OutboxSender(store: store, sender: sender,
                            backoff: Backoff(base: TimeInterval(smtp.retryBaseSeconds), maximum: TimeInterval(smtp.retryMaxSeconds)),
                            maxAttempts: maxAttempts ?? smtp.maxAttempts, clock: { clock.now }, logger: logger)
    }

    func makeDesk() -> DeskActions {
        let clock = self.clock
        return DeskActions(runtime: runtime, store: store, clock: { clock.now }, logger: logger)
    }

    func mailbox(_ name: String) -> MailboxConfig { runtime.config.mailbox(named: name)! }

    /// Processes one mail as if fetched from mailbox `name`.
    @discardableResult
    func receive(_ mail: TestMail, in name: String = "soporte") throws -> MessageProcessor.Result {
        try processor.process(mail.bytes, mailbox: mailbox(name))
    }

    static func configText(_ options: Options) -> String {
        """
        [gateway]
        ticket_prefix = "OP"
        first_ticket_number = 10044
        database = "buzon.sqlite"
        attachments_dir = "attachments"
        templates_dir = "\(Repository.templates)"
        staff = ["araceli.cruz@empresa.com", "jose.tlaxcala@empresa.com"]
        max_auto_replies_per_hour = \(options.maxAutoRepliesPerHour)
        \(options.metrics ? "metrics_file = \"metrics.prom\"" : "")
        \(options.gateway)

        [business_hours]
        time_zone = "America/Santiago"

        [smtp]
        url = "smtp://127.0.0.1:2525"
        from = "soporte@empresa.com"
        from_name = "Soporte OpenPyme"
        retry_base_seconds = 60
        retry_max_seconds = 3600
        max_attempts = \(options.smtpMaxAttempts)

        [[mailbox]]
        name = "soporte"
        url = "imap://127.0.0.1:1143/INBOX"
        address = "soporte@empresa.com"
        department = "Soporte"
        after = "\(options.after)"
        batch_size = \(options.batchSize)
        \(options.maxMessageBytes.map { "max_message_bytes = \($0)" } ?? "")
        \(options.batchBytes.map { "batch_bytes = \($0)" } ?? "")

        [[mailbox]]
        name = "ventas"
        url = "imap://127.0.0.1:1143/Ventas"
        address = "ventas@empresa.com"
        department = "Ventas"
        \(options.ventasUnknownSender.map { "unknown_sender = \"\($0)\"" } ?? "")

        [[organization]]
        name = "Andina Ltda."
        authorized = ["@andina.cl"]
        \(options.maxOpenTickets.map { "max_open_tickets = \($0)" } ?? "")

        [[organization]]
        name = "Pacific Traders"
        authorized = ["it@pacifictraders.com"]
        language = "en"
        """
    }
}
