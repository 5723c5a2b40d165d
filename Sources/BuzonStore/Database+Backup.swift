import CSQLite
#if canImport(Glibc)
import Glibc
#endif

extension Database {
    /// Copies the live database to `destination` with SQLite's online backup API: consistent even
    /// while `buzon run` keeps writing (the copy holds a read snapshot), no need to stop the daemon.
    /// An existing file at `destination` is overwritten. The copy holds every ticket and
    /// customer address: it is created with mode 0600 (an existing file is narrowed to it).
    package func backup(to destination: String) throws(StoreError) {
        let descriptor = open(destination, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            throw StoreError(kind: .file(errno: code), message: String(cString: strerror(code)),
                             operation: "creating the backup file \(destination) (check the directory exists and is writable)")
        }
        fchmod(descriptor, 0o600)
        close(descriptor)
        let target = try Database(unconfiguredPath: destination)
        try serialized { () throws(StoreError) in
            guard let backup = sqlite3_backup_init(target.handle, "main", handle, "main") else {
                throw target.error(sqlite3_errcode(target.handle), "starting the backup to \(destination)")
            }
            let stepCode = sqlite3_backup_step(backup, -1)
            let finishCode = sqlite3_backup_finish(backup)
            guard stepCode == SQLITE_DONE else {
                throw target.error(stepCode, "copying the database to \(destination)")
            }
            try target.check(finishCode, "finishing the backup to \(destination)")
        }
    }
}
