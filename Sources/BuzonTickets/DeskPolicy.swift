import Foundation

/// Everything the decision rules need to know about the desk, as plain values.
/// The gateway builds it from the configuration file; tests build it directly.
public struct DeskPolicy: Sendable {
    /// Ticket reference prefix (`OP` in `OP10044`). Letters only.
    public var ticketPrefix: String = "OP"
    /// The first number handed out when the sequence is empty.
    public var firstTicketNumber: Int = 10000
    /// A reply to a ticket closed less than this many days ago reopens it; later, a new ticket names the old one.
    public var reopenWindowDays: Int = 14
    /// What to do with mail from addresses no organization authorizes (overridable per mailbox).
    public var unknownSender: UnknownSenderPolicy = .reject
    /// Staff addresses (exact, normalized). Staff may write on any ticket.
    public var staff: [String] = []
    public var organizations: [Organization] = []
    /// Our own mailbox addresses: mail from them is never acknowledged (loop guard).
    public var ownAddresses: [String] = []
    /// Send an acknowledgement for follow-ups on an existing ticket too (default: only new tickets).
    public var acknowledgeFollowUps: Bool = false
    /// At most this many automatic messages to one address per hour (RFC 3834 §2 rate limit).
    public var maxAutoRepliesPerSenderPerHour: Int = 5
    /// Keyword rules, first match wins; `defaultCategory` otherwise.
    public var categories: [CategoryRule] = CategoryRule.defaults
    public var defaultCategory: String = "Soporte"
    /// When set, only `Authentication-Results` headers stamped with this authserv-id are believed.
    public var trustedAuthservID: String? = nil
    public var calendar: BusinessCalendar = BusinessCalendar()
    /// An answered ticket left this many business days without a customer reply closes itself.
    public var autoCloseBusinessDays: Int = 2
    /// "First answer within N business hours" (4 hours is common).
    public var firstResponseBusinessHours: Int = 4
    /// A ticket with no update for this many WALL-CLOCK hours is flagged (a desk rule: red after
    /// 24 h); see `TicketClock.stale` for why not business hours.
    public var staleAfterHours: Int = 24

    public init() {}
}

/// What to do with mail from an address no organization authorizes.
public enum UnknownSenderPolicy: String, Sendable, Codable, CaseIterable {
    /// No ticket; a rate-limited "not authorized" notice.
    case reject
    /// Kept for review: approved or discarded from the command line.
    case hold
    /// Open a ticket without an organization.
    case accept
}

/// A customer organization and the addresses allowed to open and continue its tickets.
public struct Organization: Sendable, Hashable {
    public var name: String
    /// Exact addresses (`ana@andina.cl`) and whole domains (`@andina.cl`), normalized.
    /// An exact address listed anywhere wins over a domain; subdomains are not covered by a
    /// domain entry (see `Authorization.organization(of:)`).
    public var authorized: [String]
    /// At most this many tickets waiting on support or answered at once (3 is common); nil = no limit.
    public var maxOpenTickets: Int?
    /// Language of the notices (`es`, `en`); nil = the gateway's.
    public var language: String?

    public init(name: String, authorized: [String], maxOpenTickets: Int? = nil, language: String? = nil) {
        self.name = name
        self.authorized = authorized
        self.maxOpenTickets = maxOpenTickets
        self.language = language
    }
}

/// A category chosen by keywords in the subject or text (by default Soporte / Cambio / Consultoría).
public struct CategoryRule: Sendable, Hashable {
    public var name: String
    /// Lower-case keywords; accents are compared folded.
    public var keywords: [String]

    public init(name: String, keywords: [String]) {
        self.name = name
        self.keywords = keywords
    }

    public static let defaults: [CategoryRule] = [
        CategoryRule(name: "Cambio", keywords: ["cambio", "mejora", "nueva funcionalidad", "solicitud de cambio", "feature"]),
        CategoryRule(name: "Consultoría", keywords: ["consulta", "pregunta", "cómo", "duda", "asesoría"]),
    ]
}

/// Business hours, weekdays and holidays of the desk (typically Mon–Fri 9–17).
public struct BusinessCalendar: Sendable, Hashable {
    public var timeZone: TimeZone = TimeZone(identifier: "America/Santiago") ?? .gmt
    /// ISO weekdays that are working days: 1 = Monday … 7 = Sunday.
    public var workingDays: Set<Int> = [1, 2, 3, 4, 5]
    /// Opening and closing time in minutes after midnight, local time.
    public var opensAtMinute: Int = 9 * 60
    public var closesAtMinute: Int = 17 * 60
    /// Holidays as `YYYY-MM-DD` in the desk's time zone.
    public var holidays: Set<String> = []

    public init() {}
}

/// The mailbox a message arrived through.
public struct MailboxContext: Sendable, Hashable {
    /// Configured name (`soporte`).
    public var name: String
    /// The address customers write to (`soporte@empresa.com`), normalized.
    public var address: String
    /// Department the mailbox maps to (`Soporte`, `Ventas`).
    public var department: String
    /// Per-mailbox override of the gateway-wide unknown-sender policy.
    public var unknownSender: UnknownSenderPolicy?

    public init(name: String, address: String, department: String, unknownSender: UnknownSenderPolicy? = nil) {
        self.name = name
        self.address = address
        self.department = department
        self.unknownSender = unknownSender
    }
}
