/// One step of the schema. Versions are positive, strictly increasing, and never edited once shipped:
/// a change is a new migration, so an old database is upgraded and never dropped.
public struct Migration: Sendable {
    /// The `PRAGMA user_version` the database has after this step.
    public var version: Int
    public var name: String
    /// One or more SQL statements, run in one transaction with the version bump.
    public var sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}
