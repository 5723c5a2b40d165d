import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One poller per mailbox across every process sharing a database: an advisory `flock(2)` on a
/// lock file beside the database, one file per mailbox (`buzon.sqlite.soporte.lock`).
///
/// Why a file lock and not a row in the database: the kernel releases it when the process dies,
/// however it dies (SIGKILL, OOM, power cut of a container), so a crashed daemon never leaves a
/// mailbox locked and no lease has to expire. A second `buzon run` on the same database gets
/// `false` from `acquire`, skips that mailbox, and asks again on its next round: when the first
/// daemon dies, it takes over within one poll interval.
///
/// The outbox needs no lock: senders claim rows (`TicketStore.claimDueOutbox`).
/// Not thread-safe: the gateway's one loop owns it.
public final class MailboxLocks {
    /// Directory and file-name prefix of the lock files, nil when locking is off (an in-memory database).
    private let prefix: String?
    /// Open descriptors of the locks this process holds, by mailbox name.
    private var held: [String: Int32] = [:]

    /// Locks beside the database at `databasePath` (`:memory:` or empty: no locking, every acquire succeeds).
    public init(databasePath: String) {
        prefix = databasePath.isEmpty || databasePath == ":memory:" ? nil : databasePath
    }

    deinit {
        for descriptor in held.values { close(descriptor) }
    }

    /// The lock file of `mailbox`: the database path, the mailbox name made file-safe, `.lock`.
    public func path(for mailbox: String) -> String? {
        guard let prefix else { return nil }
        let safe = String(mailbox.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" ? Character(scalar) : "_"
        })
        return "\(prefix).\(safe).lock"
    }

    /// True when this process polls `mailbox`: it already held the lock, or took it now.
    /// False when another live process holds it. Throws when the lock file cannot be opened
    /// (a directory the daemon cannot write: an environment fault the caller backs off from).
    public func acquire(_ mailbox: String) throws -> Bool {
        if held[mailbox] != nil { return true }
        guard let path = path(for: mailbox) else { return true }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            throw LockError(path: path, errno: code)
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK { return false }
            throw LockError(path: path, errno: code)
        }
        // For the operator who wonders who holds it: the process id, as the file's content.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        held[mailbox] = descriptor
        return true
    }

    /// Gives up the lock of a mailbox this process no longer polls (removed by a reload).
    public func release(_ mailbox: String) {
        if let descriptor = held.removeValue(forKey: mailbox) { close(descriptor) }
    }

    /// Releases every lock except those of `mailboxes`.
    public func keepOnly(_ mailboxes: Set<String>) {
        for name in held.keys where !mailboxes.contains(name) { release(name) }
    }

    public struct LockError: Error, CustomStringConvertible {
        public var path: String
        public var errno: Int32
        public var description: String {
            "cannot lock \(path): \(String(cString: strerror(errno))) (errno \(errno)); "
                + "the directory of the database must be writable by the user running buzon"
        }
    }
}
