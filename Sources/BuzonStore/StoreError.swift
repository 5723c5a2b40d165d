import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// Everything the store can fail with: what went wrong, SQLite's own words, and what was being done.
///
/// The description is meant for an operator's log: `store: executing INSERT INTO tickets …: UNIQUE
/// constraint failed: tickets.number (SQLite 2067)`.
public struct StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// SQLite returned this (extended) result code.
        case sqlite(code: Int32)
        /// The row the caller named does not exist (ticket number, outbox id…).
        case notFound
        /// The database was written by a newer Buzón: refusing to touch it.
        case schemaTooNew
        /// The database has an older schema and this command may not upgrade it (`SchemaUpgrade.refuse`).
        case schemaTooOld
        /// The file holds tables that are not Buzón's: refusing to add ours to someone else's data.
        case notBuzonDatabase
        /// The store was called in a way its contract forbids.
        case misuse
        /// Reading or writing a file next to the database (attachments) failed.
        case file(errno: Int32)
    }

    public var kind: Kind
    /// SQLite's `sqlite3_errmsg` text, or the store's own explanation.
    public var message: String
    /// What was being done: the SQL text or the operation.
    public var operation: String

    public init(kind: Kind, message: String, operation: String) {
        self.kind = kind
        self.message = message
        self.operation = operation
    }

    /// SQLite's result code when the error came from SQLite.
    public var code: Int32? {
        if case .sqlite(let code) = kind { return code }
        return nil
    }

    /// True for a database this Buzón must not use as it is (newer, older without permission to
    /// upgrade, or not Buzón's): the operator has to act, retrying alone never helps.
    public var needsOperator: Bool {
        [.schemaTooNew, .schemaTooOld, .notBuzonDatabase].contains(kind)
    }

    /// True for `SQLITE_BUSY`/`SQLITE_LOCKED`: another process held the lock past the busy timeout; retry later.
    public var isBusy: Bool {
        guard let code else { return false }
        return code & 0xff == SQLITE_BUSY || code & 0xff == SQLITE_LOCKED
    }

    /// True when the fault lies in the machine, not in the message being recorded: a full or
    /// read-only disk, missing permissions, an I/O error, a database another process holds
    /// past the busy timeout. Any message would fail the same way, so the caller backs off
    /// and tries again later; such an error must never count against the message (nor
    /// dead-letter it). The one place that decides what is environmental.
    public var isEnvironmental: Bool {
        switch kind {
        case .sqlite(let code):
            return Self.environmentalSQLiteCodes.contains(code & 0xff)
        case .file(let errno):
            return Self.environmentalErrnos.contains(errno)
        case .schemaTooNew, .schemaTooOld, .notBuzonDatabase:
            return true
        case .notFound, .misuse:
            return false
        }
    }

    /// `isEnvironmental` for any error: false for errors that are not the store's.
    public static func isEnvironmental(_ error: any Error) -> Bool {
        (error as? StoreError)?.isEnvironmental ?? false
    }

    /// Primary result codes (https://sqlite.org/rescode.html) that describe the disk, the file
    /// or another process, never the row being written.
    static let environmentalSQLiteCodes: Set<Int32> = [
        SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM, SQLITE_READONLY, SQLITE_IOERR,
        SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_PROTOCOL, SQLITE_NOLFS, SQLITE_AUTH,
    ]

    /// File errors of the attachments directory that any message would meet.
    static let environmentalErrnos: Set<Int32> = [
        ENOSPC, EDQUOT, EACCES, EPERM, EROFS, EIO, EMFILE, ENFILE, ENOMEM, ENOENT, ENOTDIR, EAGAIN, EINTR,
    ]

    public var description: String {
        switch kind {
        case .sqlite(let code):
            return "store: \(operation): \(message) (SQLite \(code))"
        case .file(let errno):
            return "store: \(operation): \(message) (errno \(errno))"
        case .notFound, .schemaTooNew, .schemaTooOld, .notBuzonDatabase, .misuse:
            return "store: \(operation): \(message)"
        }
    }

    static func notFound(_ what: String, operation: String) -> StoreError {
        StoreError(kind: .notFound, message: "\(what) does not exist", operation: operation)
    }

    static func misuse(_ message: String, operation: String) -> StoreError {
        StoreError(kind: .misuse, message: message, operation: operation)
    }
}
