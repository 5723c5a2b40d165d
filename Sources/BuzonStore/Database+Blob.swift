import CSQLite

extension Database {
    /// Writes `bytes` into the blob `column` of row `rowID` of `table`, a row inserted with
    /// `zeroblob(bytes.count)`, through SQLite's incremental blob I/O in 1 MiB pieces.
    ///
    /// Why: binding a value copies it into SQLite (`SQLITE_TRANSIENT`), so storing a 27 MB
    /// message held it twice in memory; written this way it is held once, by the caller.
    /// Runs inside the caller's transaction: a rollback removes the row and its bytes.
    package func writeBlob(table: String, column: String, rowID: Int64, _ bytes: [UInt8]) throws(StoreError) {
        let operation = "writing \(bytes.count) bytes into \(table).\(column) of row \(rowID)"
        try serialized { () throws(StoreError) in
            var blob: OpaquePointer?
            let opened = sqlite3_blob_open(handle, "main", table, column, rowID, 1, &blob)
            defer { if let blob { sqlite3_blob_close(blob) } }
            try check(opened, operation)
            let piece = 1 << 20
            var offset = 0
            while offset < bytes.count {
                let count = min(piece, bytes.count - offset)
                let code = bytes.withUnsafeBytes { raw in
                    sqlite3_blob_write(blob, raw.baseAddress! + offset, Int32(count), Int32(offset))
                }
                try check(code, operation)
                offset += count
            }
        }
    }
}
