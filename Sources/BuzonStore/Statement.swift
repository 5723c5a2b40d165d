import CSQLite
import Foundation

/// One prepared statement, the only owner of its `sqlite3_stmt*` (finalized in `deinit`).
///
/// Contract: a statement belongs to the `Database` that prepared it and is used only while that
/// database's lock is held (inside `Database.serialized`, `transaction`, or `withStatement`).
/// Parameters are 1-based like SQLite's; columns are 0-based like SQLite's.
package final class Statement {
    let handle: OpaquePointer
    /// The SQL text, kept for error messages.
    package let sql: String
    private unowned let database: Database
    /// Set while a caller is stepping it, so a re-entrant use of the same SQL gets a fresh statement.
    var inUse = false

    init(database: Database, sql: String) throws(StoreError) {
        var statement: OpaquePointer?
        var unused = ""
        let code = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(database.handle, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
            if let tail { unused = String(cString: tail).trimmingCharacters(in: .whitespacesAndNewlines) }
            return code
        }
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw database.error(code, "preparing \(sql)")
        }
        // SQLite compiles only the first statement; silently dropping the rest would hide a bug.
        guard unused.isEmpty || unused == ";" else {
            sqlite3_finalize(statement)
            throw .misuse("one statement expected, found more: \(unused)", operation: "preparing \(sql)")
        }
        self.handle = statement
        self.sql = sql
        self.database = database
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: Binding

    /// Binds values to parameters 1, 2, 3… in order.
    package func bind(_ values: (any SQLBindable)?...) throws(StoreError) {
        try bind(values)
    }

    package func bind(_ values: [(any SQLBindable)?]) throws(StoreError) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            if let value { try value.bind(to: self, at: index) } else { try bindNull(at: index) }
        }
    }

    package func bind(_ value: Int64, at index: Int32) throws(StoreError) {
        try check(sqlite3_bind_int64(handle, index, value), "binding parameter \(index)")
    }

    package func bind(_ value: Double, at index: Int32) throws(StoreError) {
        try check(sqlite3_bind_double(handle, index, value), "binding parameter \(index)")
    }

    package func bind(_ value: String, at index: Int32) throws(StoreError) {
        try check(sqlite3_bind_text(handle, index, value, -1, buzon_sqlite_transient()), "binding parameter \(index)")
    }

    package func bind(_ value: [UInt8], at index: Int32) throws(StoreError) {
        // An empty array may have no base address, and a NULL pointer would bind SQL NULL.
        let code = value.isEmpty
            ? sqlite3_bind_zeroblob(handle, index, 0)
            : value.withUnsafeBytes { sqlite3_bind_blob64(handle, index, $0.baseAddress, UInt64($0.count), buzon_sqlite_transient()) }
        try check(code, "binding parameter \(index)")
    }

    package func bindNull(at index: Int32) throws(StoreError) {
        try check(sqlite3_bind_null(handle, index), "binding parameter \(index)")
    }

    // MARK: Stepping

    /// Advances to the next row: true when a row is available, false when done.
    @discardableResult
    package func step() throws(StoreError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(code, "executing \(sql)")
        }
    }

    /// Rewinds and clears the bindings, ready for the next use. Called after every use.
    package func reset() {
        // sqlite3_reset repeats the last step's error, which `step` already reported.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Steps through every row, mapping each.
    package func rows<T>(_ map: (Statement) throws(StoreError) -> T) throws(StoreError) -> [T] {
        var result: [T] = []
        while try step() { result.append(try map(self)) }
        return result
    }

    /// The first row mapped, or nil when there is none.
    package func firstRow<T>(_ map: (Statement) throws(StoreError) -> T) throws(StoreError) -> T? {
        try step() ? try map(self) : nil
    }

    // MARK: Columns

    package func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    package func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    package func int(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(handle, column))
    }

    package func double(_ column: Int32) -> Double {
        sqlite3_column_double(handle, column)
    }

    package func bool(_ column: Int32) -> Bool {
        sqlite3_column_int64(handle, column) != 0
    }

    /// The text of the column; "" for NULL.
    package func string(_ column: Int32) -> String {
        optionalString(column) ?? ""
    }

    package func optionalString(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// The bytes of the column; empty for NULL or a zero-length blob.
    package func blob(_ column: Int32) -> [UInt8] {
        guard let bytes = sqlite3_column_blob(handle, column) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, column))
        return [UInt8](UnsafeRawBufferPointer(start: bytes, count: count))
    }

    package func date(_ column: Int32) -> Date {
        Date(timeIntervalSince1970: sqlite3_column_double(handle, column))
    }

    package func optionalDate(_ column: Int32) -> Date? {
        isNull(column) ? nil : date(column)
    }

    private func check(_ code: Int32, _ what: @autoclosure () -> String) throws(StoreError) {
        guard code == SQLITE_OK else { throw database.error(code, "\(what()) of \(sql)") }
    }
}
