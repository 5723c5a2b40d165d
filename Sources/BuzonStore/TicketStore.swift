import BuzonTickets
import Foundation

/// The desk's tickets, messages, outbox and ledgers in one SQLite file, plus attachments on disk.
///
/// Contract with the gateway: one incoming message is handled inside ONE `transaction { … }`: the
/// lookups (`TicketLookup`) and the writes (ticket, message, events, outbox, ledger) commit together
/// or not at all. No method here opens a transaction of its own; each works inside the caller's, or
/// in autocommit mode when called alone (the CLI).
///
/// Safe to share between tasks: calls are serialized by the connection's lock, and a transaction
/// holds it for its whole body.
public final class TicketStore: TicketLookup, Sendable {
    package let database: Database
    let attachments: AttachmentDirectory

    /// Opens (creating and migrating as needed) the store.
    /// - Parameters:
    ///   - databasePath: the SQLite file; its directory must exist.
    ///   - attachmentsDirectory: root of the content-addressed attachment files; created if missing.
    ///   - durability: `.full` (default) survives power loss; `.normal` only process crashes.
    ///   - upgrade: what to do with an older schema (see `SchemaUpgrade`). Refusing is the
    ///     default so that no caller upgrades a desk's database by accident; the CLI lets only
    ///     `run`, `deliver` and `db migrate` upgrade.
    public init(databasePath: String, attachmentsDirectory: String, durability: Durability = .full,
                upgrade: SchemaUpgrade = .refuse) throws(StoreError) {
        self.database = try Database(path: databasePath, durability: durability, migrations: StoreSchema.migrations,
                                     upgrade: upgrade, identifyingTable: "tickets")
        self.attachments = AttachmentDirectory(root: attachmentsDirectory)
    }

    /// The schema steps, for tools that inspect or pre-create databases.
    public static var migrations: [Migration] { StoreSchema.migrations }

    /// The schema version this Buzón writes.
    public static var schemaVersion: Int { StoreSchema.migrations.last?.version ?? 0 }

    /// The schema version of the database at `path` without opening it for writing (nil: no such
    /// file); `check-config` uses it to spot a database from a newer Buzón.
    public static func schemaVersion(ofFileAt path: String) throws(StoreError) -> Int? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try Database(readOnlyPath: path).userVersion()
    }

    /// The SQLite file this store opened (the daemon's per-mailbox locks sit beside it).
    public var databasePath: String { database.path }

    /// The copy written before this store upgraded the schema, if it did (`buzon db migrate` prints it).
    public var upgradeBackup: String? { database.upgradeBackup }

    /// The schema version of the open database, as `buzon db` reports it.
    public func schemaVersionOnDisk() throws(StoreError) -> Int {
        try database.userVersion()
    }

    /// Runs `body` in one transaction; see `Database.transaction`.
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try database.transaction(body)
    }

    /// Online copy of the database (attachments are plain files: copy the directory alongside).
    public func backup(to path: String) throws(StoreError) {
        try database.backup(to: path)
    }

    // MARK: Shared helpers

    /// The row id of a ticket, or `notFound` naming the operation.
    func ticketID(number: String, for operation: String) throws(StoreError) -> Int64 {
        guard let id = try database.queryFirst("SELECT id FROM tickets WHERE number = ?", number, map: { $0.int64(0) }) else {
            throw .notFound("ticket \(number)", operation: operation)
        }
        return id
    }

    func optionalTicketID(number: String?, for operation: String) throws(StoreError) -> Int64? {
        guard let number else { return nil }
        return try ticketID(number: number, for: operation)
    }

    /// Columns read by `summary(from:)`, for `SELECT \(summaryColumns) FROM tickets t …`.
    static let summaryColumns = """
    t.number, t.subject, t.organization, t.contact_address, t.contact_name, t.department, t.category,
    t.priority, t.state, (SELECT count(*) FROM messages m WHERE m.ticket_id = t.id), t.created_at,
    t.updated_at, t.first_response_at, t.answered_at, t.closed_at, t.related_ticket, t.language
    """

    static func summary(from row: Statement) -> TicketSummary {
        TicketSummary(
            number: row.string(0), subject: row.string(1), organization: row.optionalString(2),
            contactAddress: row.string(3), contactName: row.optionalString(4), department: row.string(5),
            category: row.string(6), priority: row.string(7),
            state: TicketState(rawValue: row.string(8)) ?? .waitingOnSupport,
            messageCount: row.int(9), createdAt: row.date(10), updatedAt: row.date(11),
            firstResponseAt: row.optionalDate(12), answeredAt: row.optionalDate(13), closedAt: row.optionalDate(14),
            relatedTicket: row.optionalString(15), language: row.optionalString(16))
    }
}
