import Foundation

extension Database {
    /// The schema version recorded in the file (`PRAGMA user_version`).
    package func userVersion() throws(StoreError) -> Int {
        try queryFirst("PRAGMA user_version") { $0.int(0) } ?? 0
    }

    /// Applies the migrations newer than the file's version, each in its own transaction with its
    /// version bump, so a crash mid-upgrade leaves the file at the last completed step. A new
    /// (empty) file is built at the latest schema in ONE transaction instead: a process opening it
    /// meanwhile (a `buzon outbox list` next to a daemon starting for the first time) never sees a
    /// half-built schema and takes it for an old one. Safe when several processes open a fresh
    /// file at once: every transaction re-reads the version under the write lock.
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
        let steps: [[Migration]] = current == 0 ? [migrations] : migrations.filter { $0.version > current }.map { [$0] }
        for step in steps { try apply(step) }
    }

    /// Applies `steps` in one transaction, skipping what another process applied while this one
    /// waited for the write lock; a version-0 file must be empty, not someone else's data.
    private func apply(_ steps: [Migration]) throws(StoreError) {
        var running: Migration?
        do {
            try transaction {
                let version = try userVersion()
                if version == 0, try hasAnyTable() { throw notBuzon() }
                for migration in steps where migration.version > version {
                    running = migration
                    try execute(migration.sql)
                    try execute("PRAGMA user_version = \(migration.version)")
                }
            }
        } catch let error as StoreError {
            guard let migration = running else { throw error }
            throw StoreError(kind: error.kind, message: error.message,
                             operation: "applying migration \(migration.version) (\(migration.name)): \(error.operation)")
        } catch {
            throw .misuse("\(error)", operation: "applying migration \(running?.version ?? 0)")
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
