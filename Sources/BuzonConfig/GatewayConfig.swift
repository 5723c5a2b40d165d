import BuzonTickets
import BuzonTrim

/// The whole configuration of one Buzón desk, typed, validated and with defaults applied.
///
/// Built only by `load(path:)` / `parse(_:file:baseDirectory:)`, which check every key, so a
/// value here is always usable: paths are absolute, addresses normalized, times valid. Secrets
/// are not read yet (see `Secret.resolve`). The section and key names are the file's
/// (`[gateway] poll_seconds`); see `config/buzon.example.toml` for the operator's view.
public struct GatewayConfig: Sendable {
    /// The configuration file as given, for messages.
    public var configFile: String

    // [gateway]
    public var ticketPrefix = "OP"
    public var firstTicketNumber = 10000
    /// SQLite database file (absolute).
    public var database = ""
    /// Directory attachments are stored under (absolute).
    public var attachmentsDirectory = ""
    /// Directory holding `<lang>/<template>.txt` (absolute).
    public var templatesDirectory = ""
    /// Language of notices for senders without an organization language (`es` or `en`).
    public var language = "es"
    public var reopenWindowDays = 14
    public var unknownSender = UnknownSenderPolicy.reject
    /// Staff addresses, normalized.
    public var staff: [String] = []
    /// Domain of the Message-IDs the desk generates; default: the first mailbox's domain.
    public var domain = ""
    public var acknowledgeFollowUps = false
    public var maxAutoRepliesPerHour = 5
    /// Only `Authentication-Results` headers from this authserv-id are believed; nil = none checked.
    public var trustedAuthservID: String?
    /// Markers the trimmer cuts at; the outgoing one per language is `replyMarker(language:)`.
    public var replyMarkers = ReplyTrimmer.defaultMarkers
    public var defaultCategory = "Soporte"
    public var autoCloseBusinessDays = 2
    public var firstResponseHours = 4
    public var staleHours = 24
    /// Largest message fetched whole (25 MiB); mailboxes may override.
    public var maxMessageBytes = 26_214_400
    /// IMAP folder messages that cannot be processed are moved to.
    public var deadLetterFolder = "Buzon-DeadLetter"
    /// A mailbox whose poll failed is retried after this, doubling up to `pollRetryMaxSeconds`.
    public var pollRetryBaseSeconds = 5
    public var pollRetryMaxSeconds = 300
    /// File the metrics are written to (absolute); nil = none.
    public var metricsFile: String?
    public var logLevel = LogLevel.info

    // [business_hours], [[category]]
    public var calendar = BusinessCalendar()
    public var categories = CategoryRule.defaults

    // [smtp], [[mailbox]], [[organization]]
    public var smtp: SMTPConfig
    public var mailboxes: [MailboxConfig]
    public var organizations: [Organization] = []

    /// Things that work but an operator should know: inline passwords, unchecked sender
    /// authenticity, plain-text logins to remote hosts. Printed by `check-config` and at start.
    public var warnings: [String] = []

    /// Languages Buzón ships templates and reply markers for.
    public static let supportedLanguages = ["es", "en"]

    init(configFile: String, smtp: SMTPConfig, mailboxes: [MailboxConfig]) {
        self.configFile = configFile
        self.smtp = smtp
        self.mailboxes = mailboxes
    }
}
