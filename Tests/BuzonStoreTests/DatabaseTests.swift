import CSQLite
import Foundation
import Testing
@testable import BuzonStore

@Suite struct DatabaseTests {
    @Test func opensInWALWithForeignKeysAndRequestedDurability() throws {
        let directory = try TemporaryDirectory()
        for durability in Durability.allCases {
            let database = try Database(path: directory.path + "/\(durability.rawValue).sqlite", durability: durability)
            #expect(try database.queryFirst("PRAGMA journal_mode") { $0.string(0) } == "wal")
            #expect(try database.queryFirst("PRAGMA foreign_keys") { $0.int(0) } == 1)
            #expect(try database.queryFirst("PRAGMA busy_timeout") { $0.int(0) } == 5000)
            #expect(try database.queryFirst("PRAGMA temp_store") { $0.int(0) } == 2, "MEMORY")
            let expected = durability == .full ? 2 : 1
            #expect(try database.queryFirst("PRAGMA synchronous") { $0.int(0) } == expected)
        }
    }

    @Test func failedOpenReportsThePathAndSQLiteText() throws {
        #expect {
            _ = try Database(path: "/nonexistent-dir-\(UUID().uuidString)/x.sqlite")
        } throws: { error in
            let description = "\(error)"
            return (error as? StoreError)?.code == SQLITE_CANTOPEN
                && description.contains("unable to open database file") && description.contains("nonexistent-dir")
        }
    }

    @Test func errorCarriesSQLiteMessageCodeAndSQL() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.databasePath)
        try database.execute("CREATE TABLE t (k TEXT PRIMARY KEY)")
        try database.run("INSERT INTO t VALUES (?)", "a")
        do {
            try database.run("INSERT INTO t VALUES (?)", "a")
            Issue.record("a duplicate key must fail")
        } catch {
            #expect(error.code == SQLITE_CONSTRAINT | (6 << 8), "SQLITE_CONSTRAINT_PRIMARYKEY, an extended code")
            #expect(error.description.contains("UNIQUE constraint failed: t.k"))
            #expect(error.description.contains("INSERT INTO t VALUES (?)"))
        }
        #expect(throws: StoreError.self) { try database.execute("SELEC nonsense") }
        #expect(throws: StoreError.self, "a second statement would be silently ignored") {
            try database.run("INSERT INTO t VALUES ('b'); DELETE FROM t")
        }
        try database.run("INSERT INTO t VALUES ('c');")
    }

    @Test func typedBindsRoundTrip() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.databasePath)
        try database.execute("CREATE TABLE v (i, i64, d, s, b, flag, at, absent, empty_blob)")
        let date = Date(timeIntervalSince1970: 1_790_000_123.5)
        let blob: [UInt8] = [0, 1, 2, 255]
        try database.run("INSERT INTO v VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         42, Int64.max, 2.5, "ñandú \u{1F600}", blob, true, date, String?.none, [UInt8]())
        let row = try #require(try database.queryFirst("SELECT * FROM v") { row in
            (row.int(0), row.int64(1), row.double(2), row.string(3), row.blob(4), row.bool(5), row.date(6),
             row.optionalString(7), row.isNull(8), row.blob(8))
        })
        #expect(row.0 == 42 && row.1 == Int64.max && row.2 == 2.5 && row.3 == "ñandú \u{1F600}")
        #expect(row.4 == blob && row.5 && row.6 == date && row.7 == nil)
        #expect(row.8 == false && row.9 == [], "an empty blob is a blob, not NULL")
    }

    @Test func statementsAreCachedByText() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.databasePath)
        let first = try database.prepare("SELECT 1")
        first.reset()
        let second = try database.prepare("SELECT 1")
        #expect(first === second)
        // Re-entrant use of the same SQL while the first is stepping gets its own statement.
        let nested = try database.withStatement("SELECT 1") { outer throws(StoreError) in
            try database.withStatement("SELECT 1") { inner throws(StoreError) in outer !== inner }
        }
        #expect(nested)
    }

    @Test func transactionRollsBackOnThrowAndSavepointsNest() throws {
        struct Boom: Error {}
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.databasePath)
        try database.execute("CREATE TABLE t (v INTEGER)")
        #expect(throws: Boom.self) {
            try database.transaction {
                try database.run("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(try database.queryFirst("SELECT count(*) FROM t") { $0.int(0) } == 0)
        #expect(!database.isInTransaction)

        try database.transaction {
            try database.run("INSERT INTO t VALUES (1)")
            _ = try? database.transaction {
                try database.run("INSERT INTO t VALUES (2)")
                throw Boom()
            }
            try database.transaction { try database.run("INSERT INTO t VALUES (3)") }
        }
        #expect(try database.query("SELECT v FROM t ORDER BY v") { $0.int(0) } == [1, 3])
        #expect(database.transactionDepth == 0)
    }

    @Test func migrationsUpgradeAndRefuseNewerDatabases() throws {
        let directory = try TemporaryDirectory()
        let one = Migration(version: 1, name: "t", sql: "CREATE TABLE t (v TEXT)")
        let two = Migration(version: 2, name: "t.extra", sql: "ALTER TABLE t ADD COLUMN extra TEXT DEFAULT 'x'")
        do {
            let database = try Database(path: directory.databasePath, migrations: [one])
            try database.run("INSERT INTO t (v) VALUES ('kept')")
            #expect(try database.userVersion() == 1)
        }
        do {
            let database = try Database(path: directory.databasePath, migrations: [one, two])
            #expect(try database.userVersion() == 2)
            #expect(try database.queryFirst("SELECT v, extra FROM t") { "\($0.string(0))/\($0.string(1))" } == "kept/x")
        }
        do {
            _ = try Database(path: directory.databasePath, migrations: [one])
            Issue.record("a database newer than the code must be refused")
        } catch {
            #expect(error.kind == .schemaTooNew)
            #expect(error.description.contains("schema version 2"))
        }
        #expect(throws: StoreError.self) { _ = try Database(path: directory.databasePath, migrations: [two, one]) }
    }

    @Test func failingMigrationLeavesThePreviousVersion() throws {
        let directory = try TemporaryDirectory()
        let one = Migration(version: 1, name: "t", sql: "CREATE TABLE t (v TEXT)")
        let broken = Migration(version: 2, name: "broken", sql: "CREATE TABLE u (v TEXT); CREATE TABLE t (v TEXT)")
        do {
            _ = try Database(path: directory.databasePath, migrations: [one, broken])
            Issue.record("the broken migration must fail")
        } catch {
            #expect(error.description.contains("migration 2 (broken)"))
            #expect(error.description.contains("table t already exists"))
        }
        let database = try Database(path: directory.databasePath, migrations: [one])
        #expect(try database.userVersion() == 1)
        #expect(try database.queryFirst("SELECT count(*) FROM sqlite_master WHERE name = 'u'") { $0.int(0) } == 0)
    }
}
