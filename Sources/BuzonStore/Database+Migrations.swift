extension Database {
    /// The schema version recorded in the file (`PRAGMA user_version`).
    public func userVersion() throws(StoreError) -> Int {
        try queryFirst("PRAGMA user_version") { $0.int(0) } ?? 0
    }

    /// Applies the migrations newer than the file's version, each in its own transaction with its
    /// version bump, so a crash mid-upgrade leaves the file at the last completed step. Safe
    /// when several processes open a fresh file at once: each step re-checks under the write lock.
    ///
    /// A database newer than the newest migration was written by a newer Buzón and is refused:
    /// guessing at a schema we do not know could corrupt tickets.
    func migrate(_ migrations: [Migration]) throws(StoreError) {
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
        for migration in migrations where migration.version > current {
            do {
                try transaction {
                    // Another process opening the same new file (the daemon and a `buzon status`,
                    // two `buzon deliver` from the MTA) may have applied it while we waited for
                    // the write lock: read the version again under the lock.
                    guard try userVersion() < migration.version else { return }
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
}
