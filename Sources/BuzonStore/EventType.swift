/// The kind of a ticket event. Stored as free text so a new kind needs no migration; the known
/// kinds are constants here so producers and the CLI spell them the same way.
public struct EventType: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let created: EventType = "created"
    public static let customerReplied: EventType = "customer_replied"
    public static let staffReplied: EventType = "staff_replied"
    public static let acknowledgementQueued: EventType = "acknowledgement_queued"
    public static let noticeQueued: EventType = "notice_queued"
    public static let noticeSent: EventType = "notice_sent"
    public static let noticeFailed: EventType = "notice_failed"
    public static let reopened: EventType = "reopened"
    public static let closed: EventType = "closed"
    public static let autoClosed: EventType = "auto_closed"
    public static let held: EventType = "held"
    public static let rejected: EventType = "rejected"
    public static let duplicateIgnored: EventType = "duplicate_ignored"
    public static let bounceReceived: EventType = "bounce_received"
    public static let foreignReferenceIgnored: EventType = "foreign_reference_ignored"
    public static let note: EventType = "note"
    public static let timeLogged: EventType = "time_logged"
    public static let split: EventType = "split"
    public static let rating: EventType = "rating"

    public static let known: [EventType] = [
        .created, .customerReplied, .staffReplied, .acknowledgementQueued, .noticeQueued, .noticeSent,
        .noticeFailed, .reopened, .closed, .autoClosed, .held, .rejected, .duplicateIgnored,
        .bounceReceived, .foreignReferenceIgnored, .note, .timeLogged, .split, .rating,
    ]
}
