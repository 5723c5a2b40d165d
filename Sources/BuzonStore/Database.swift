import CSQLite
import Foundation

/// One SQLite connection, the only owner of its `sqlite3*` (closed in `deinit`, also when opening failed).
///
/// Threading: the connection is opened `NOMUTEX` and serialized by this type's own recursive lock.
/// Every public method takes it; `transaction` and `serialized` hold it for their whole body, so the
/// gateway's one-transaction-per-message sees no interleaving from another task in this process.
/// Other processes (`buzon deliver` next to `buzon run`) are kept out by SQLite's file locks and wait
/// up to the busy timeout.
///
/// All SQLite calls go through `check`/`error`, which produce a `StoreError` with SQLite's result
/// code, its `sqlite3_errmsg` text and what was being done.
package final class Database: @unchecked Sendable {
    let handle: OpaquePointer
    package let path: String
    private let lock = NSRecursiveLock()
    /// Prepared statements keyed by SQL text: the hot path never prepares twice.
    private var statements: [String: Statement] = [:]
    /// How many `transaction` calls are open on this connection (0 = none, >1 = savepoints).
    var transactionDepth = 0
    /// The copy written before this connection upgraded the schema, if it did (`buzon db migrate` prints it).
    package internal(set) var upgradeBackup: String?

    /// Opens (creating if needed) the database at `path`, configures it and applies `migrations`
    /// as `upgrade` allows. `identifyingTable`: a table every version of the schema has; a
    /// database at a non-zero version without it belongs to another program and is refused.
    ///
    /// Configuration: `journal_mode=WAL` (readers never block the writer), `synchronous` from
    /// `durability`, `busy_timeout` so two processes can share the file, `foreign_keys=ON`,
    /// `temp_store=MEMORY`.
    package init(
        path: String,
        durability: Durability = .full,
        busyTimeoutMilliseconds: Int32 = 5000,
        migrations: [Migration] = [],
        upgrade: SchemaUpgrade = .backupThenUpgrade,
        identifyingTable: String? = nil
    ) throws(StoreError) {
        self.handle = try Database.open(path: path)
        self.path = path
        try check(sqlite3_extended_result_codes(handle, 1), "enabling extended result codes")
        try check(sqlite3_busy_timeout(handle, busyTimeoutMilliseconds), "setting the busy timeout")
        try enableWAL(busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        try execute("PRAGMA synchronous = \(durability.rawValue)")
        try execute("PRAGMA foreign_keys = ON")
        // Temporary b-trees (UNION, RETURNING, sorting) in memory: otherwise SQLite creates and
        // deletes a file in /var/tmp for them, once per message on the hot path.
        try execute("PRAGMA temp_store = MEMORY")
        try migrate(migrations, upgrade: upgrade, identifyingTable: identifyingTable)
    }

    /// `journal_mode = WAL`, retried while busy. Switching a new file to WAL takes a lock SQLite
    /// does not wait for through the busy handler: a second process opening the same new file at
    /// that instant (two `buzon deliver` from the MTA) gets SQLITE_BUSY at once. Retry for as long
    /// as the busy timeout allows, then report the busy error.
    private func enableWAL(busyTimeoutMilliseconds: Int32) throws(StoreError) {
        let deadline = Date().addingTimeInterval(Double(busyTimeoutMilliseconds) / 1000)
        while true {
            do {
                try execute("PRAGMA journal_mode = WAL")
                return
            } catch where error.isBusy && Date() < deadline {
                usleep(10_000)
            }
        }
    }

    /// Opens without any configuration: the destination of a backup.
    init(unconfiguredPath path: String) throws(StoreError) {
        self.handle = try Database.open(path: path)
        self.path = path
    }

    /// Opens an existing file read-only, without any configuration or migration (inspection).
    init(readOnlyPath path: String) throws(StoreError) {
        self.handle = try Database.open(path: path, flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX)
        self.path = path
        try check(sqlite3_busy_timeout(handle, 2000), "setting the busy timeout")
    }

    deinit {
        // Statements first: close_v2 would otherwise keep a zombie connection until they are finalized.
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    private static func open(path: String,
                             flags: Int32 = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX) throws(StoreError) -> OpaquePointer {
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            // A failed open usually still allocates a handle, which carries the message and must be closed.
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(connection)
            throw StoreError(kind: .sqlite(code: code), message: message,
                             operation: "opening \(path) (check the directory exists and is writable)")
        }
        return connection
    }

    // MARK: The checking funnel

    /// The error for `code`, with the connection's current message.
    func error(_ code: Int32, _ operation: String) -> StoreError {
        StoreError(kind: .sqlite(code: code), message: String(cString: sqlite3_errmsg(handle)), operation: operation)
    }

    func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(StoreError) {
        guard code == SQLITE_OK else { throw error(code, operation()) }
    }

    // MARK: Executing

    /// Runs `body` holding the connection's lock (re-entrant). Use it to group several reads.
    package func serialized<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Runs one or more SQL statements without parameters (schema, pragmas). Rows are ignored.
    package func execute(_ sql: String) throws(StoreError) {
        try serialized { () throws(StoreError) in
            try check(sqlite3_exec(handle, sql, nil, nil, nil), "executing \(sql)")
        }
    }

    /// The cached statement for `sql`, reset and ready to bind. The caller must `reset()` it after
    /// use and hold the lock meanwhile; `withStatement` does both and is what the store uses.
    package func prepare(_ sql: String) throws(StoreError) -> Statement {
        try serialized { () throws(StoreError) -> Statement in
            if let cached = statements[sql], !cached.inUse { return cached }
            let statement = try Statement(database: self, sql: sql)
            if statements[sql] == nil { statements[sql] = statement }
            return statement
        }
    }

    /// Runs `body` with the cached statement for `sql`, then resets it and clears its bindings.
    /// A re-entrant use of the same SQL (while the first is still stepping) gets a fresh statement.
    package func withStatement<T>(_ sql: String, _ body: (Statement) throws(StoreError) -> T) throws(StoreError) -> T {
        try serialized { () throws(StoreError) -> T in
            let statement = try prepare(sql)
            statement.inUse = true
            defer {
                statement.inUse = false
                statement.reset()
            }
            return try body(statement)
        }
    }

    /// Binds `values`, steps to completion, and returns how many rows changed.
    @discardableResult
    package func run(_ sql: String, _ values: (any SQLBindable)?...) throws(StoreError) -> Int {
        try run(sql, values)
    }

    @discardableResult
    package func run(_ sql: String, _ values: [(any SQLBindable)?]) throws(StoreError) -> Int {
        try withStatement(sql) { (statement) throws(StoreError) -> Int in
            try statement.bind(values)
            while try statement.step() {}
            return changes
        }
    }

    /// The rows of a query, each mapped.
    package func query<T>(
        _ sql: String, _ values: (any SQLBindable)?...,
        map: (Statement) throws(StoreError) -> T
    ) throws(StoreError) -> [T] {
        try withStatement(sql) { (statement) throws(StoreError) -> [T] in
            try statement.bind(values)
            return try statement.rows(map)
        }
    }

    /// The first row of a query mapped, or nil.
    package func queryFirst<T>(
        _ sql: String, _ values: (any SQLBindable)?...,
        map: (Statement) throws(StoreError) -> T
    ) throws(StoreError) -> T? {
        try withStatement(sql) { (statement) throws(StoreError) -> T? in
            try statement.bind(values)
            return try statement.firstRow(map)
        }
    }

    /// Row id of the last INSERT on this connection (meaningful under the lock, right after it).
    package var lastInsertRowID: Int64 { serialized { sqlite3_last_insert_rowid(handle) } }

    /// Rows changed by the last INSERT/UPDATE/DELETE on this connection.
    package var changes: Int { serialized { Int(sqlite3_changes64(handle)) } }

    /// True while a transaction is open on this connection.
    package var isInTransaction: Bool { serialized { sqlite3_get_autocommit(handle) == 0 } }
}
