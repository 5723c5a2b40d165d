import Foundation

extension Database {
    /// The schema version recorded in the file (`PRAGMA user_version`).
    package func userVersion() throws(StoreError) -> Int {
        try queryFirst("PRAGMA user_version") { $0.int(0) } ?? 0
    }

    /// Applies the migrations newer than the file's version, each in its own transaction with its
    /// version bump, so a crash mid-upgrade leaves the file at the last completed step. Safe
    /// when several processes open a fresh file at once: each step re-checks under the write lock.
    ///
    /// A database newer than the newest migration was written by a newer Buzón and is refused:
    /// guessing at a schema we do not know could corrupt tickets.
    ///
    /// An existing database at an older schema is upgraded only as `upgrade` allows (see
    /// `SchemaUpgrade`); a file with tables that are not Buzón's is refused, never written.
    func migrate(_ migrations: [Migration], upgrade: SchemaUpgrade = .backupThenUpgrade,
                 identifyingTable: String? = nil) throws(StoreError) {
        let versions = migrations.map(\.version)
        guard versions.allSatisfy({ $0 > 0 }), zip(versions, versions.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw .misuse("migration versions must be positive and strictly increasing, got \(versions)",
                          operation: "migrating \(path)")
        }
        let current = try userVersion()
        let latest = versions.last ?? 0
        if current > latest {
            throw StoreError(kind: .schemaTooNew,
                             message: "the database is at schema version \(current) but this Buzón knows up to \(latest); run the newer Buzón or restore a backup",
                             operation: "opening \(path)")
        }
        guard current < latest else { return }
        if current > 0 {
            if let identifyingTable, try !hasTable(identifyingTable) { throw notBuzon() }
            switch upgrade {
            case .openAsIs:
                return
            case .refuse:
                throw StoreError(kind: .schemaTooOld,
                                 message: "the database is at schema version \(current) and this Buzón uses \(latest): upgrade it with `buzon db migrate` (it writes a backup first), or start `buzon run`",
                                 operation: "opening \(path)")
            case .backupThenUpgrade:
                upgradeBackup = try backupBeforeUpgrade(from: current)
            }
        }
        for migration in migrations where migration.version > current {
            do {
                try transaction {
                    // Another process opening the same new file (the daemon and a `buzon status`,
                    // two `buzon deliver` from the MTA) may have applied it while we waited for
                    // the write lock: read the version again under the lock.
                    let version = try userVersion()
                    guard version < migration.version else { return }
                    // Under the same lock: a version-0 file must be empty, not someone else's data.
                    if version == 0, try hasAnyTable() { throw notBuzon() }
                    try execute(migration.sql)
                    try execute("PRAGMA user_version = \(migration.version)")
                }
            } catch let error as StoreError {
                throw StoreError(kind: error.kind, message: error.message,
                                 operation: "applying migration \(migration.version) (\(migration.name)): \(error.operation)")
            } catch {
                throw .misuse("\(error)", operation: "applying migration \(migration.version)")
            }
        }
    }

    private func hasTable(_ name: String) throws(StoreError) -> Bool {
        try queryFirst("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", name) { $0.int(0) } != nil
    }

    private func hasAnyTable() throws(StoreError) -> Bool {
        try queryFirst("SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' LIMIT 1") { $0.int(0) } != nil
    }

    private func notBuzon() -> StoreError {
        StoreError(kind: .notBuzonDatabase,
                   message: "the file holds tables that are not Buzón's; refusing to add Buzón's to it: check [gateway] database (a new path creates a new database)",
                   operation: "opening \(path)")
    }

    /// `PATH.vN-YYYYMMDDTHHMMSS.bak`, mode 0600, written with the online backup API before an upgrade.
    private func backupBeforeUpgrade(from version: Int) throws(StoreError) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        let destination = "\(path).v\(version)-\(formatter.string(from: Date())).bak"
        try backup(to: destination)
        return destination
    }
}
