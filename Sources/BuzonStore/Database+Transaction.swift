import CSQLite

extension Database {
    /// Runs `body` in one transaction: all its writes commit together, or none do when it throws.
    ///
    /// The outermost call uses `BEGIN IMMEDIATE`, taking the write lock up front so a concurrent
    /// writer waits (busy timeout) at the start instead of failing at COMMIT after the work is done.
    /// Nested calls become SAVEPOINTs: an inner throw rolls back only the inner part, and the error
    /// still propagates to the outer body, which usually rethrows and rolls back everything.
    /// The connection's lock is held for the whole body.
    @discardableResult
    package func transaction<T>(_ body: () throws -> T) throws -> T {
        try serialized { () throws -> T in
            let depth = transactionDepth
            let savepoint = "buzon_savepoint_\(depth)"
            try run(depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT \(savepoint)")
            transactionDepth += 1
            let value: T
            do {
                value = try body()
            } catch {
                transactionDepth -= 1
                rollback(depth: depth, savepoint: savepoint)
                throw error
            }
            transactionDepth -= 1
            do {
                try run(depth == 0 ? "COMMIT" : "RELEASE \(savepoint)")
            } catch {
                rollback(depth: depth, savepoint: savepoint)
                throw error
            }
            return value
        }
    }

    /// Best-effort: SQLite may already have rolled back by itself (SQLITE_FULL, IOERR), in which
    /// case ROLLBACK fails harmlessly; the body's error is the one worth reporting.
    private func rollback(depth: Int, savepoint: String) {
        if depth == 0 {
            if sqlite3_get_autocommit(handle) == 0 { _ = try? run("ROLLBACK") }
        } else {
            _ = try? run("ROLLBACK TO \(savepoint)")
            _ = try? run("RELEASE \(savepoint)")
        }
    }
}
