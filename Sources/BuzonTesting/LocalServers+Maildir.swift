import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Direct access to the users' Maildirs (Maildir++ layout: `INBOX` is `Maildir/`, folder
/// `A/B` is `Maildir/.A.B/`). Folder names here must be ASCII: non-ASCII names are stored in
/// modified UTF-7 on disk; pass the encoded form to reach those.
extension LocalServers {
    /// Puts a message into a folder as new and unseen: written to `tmp/`, then renamed into
    /// `new/` (how a delivery agent does it; 1,000 messages take ≈0.3 s). Messages delivered
    /// one after another get ascending UIDs: their names start with an increasing timestamp,
    /// which Dovecot sorts by when it assigns UIDs. `seen` puts it in `cur/` flagged `S`, as
    /// when someone opened it in webmail before Buzón looked.
    public func deliver(_ bytes: [UInt8], to user: String, folder: String = "INBOX", seen: Bool = false) throws {
        let maildir = try makeMaildir(user: user, folder: folder)
        let sequence = lock.withLock { () -> Int in
            deliveries += 1
            return deliveries
        }
        let name = "\(1_700_000_000 + sequence).M\(sequence)P\(getpid()).buzon-test"
        let temporary = maildir + "/tmp/" + name
        // Plain open/write/close: Foundation's createFile syncs to disk, 25× slower here.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw LocalServersError("cannot create \(temporary): errno \(errno)") }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            guard count > 0 else { throw LocalServersError("cannot write \(temporary): errno \(errno)") }
            written += count
        }
        fchown(descriptor, mailUID, mailGID)
        let final = seen ? maildir + "/cur/" + name + ":2,S" : maildir + "/new/" + name
        guard rename(temporary, final) == 0 else {
            throw LocalServersError("cannot rename \(temporary) into new/: errno \(errno)")
        }
    }

    /// Forgets the folder's UIDs (index and `dovecot-uidlist`) and sets a new UIDVALIDITY, as
    /// when a mailbox is recreated. Call with Dovecot stopped (`stopIMAP()`).
    public func resetUIDs(user: String, folder: String = "INBOX", uidValidity: UInt32) throws {
        let maildir = maildirPath(user: user, folder: folder)
        for name in try FileManager.default.contentsOfDirectory(atPath: maildir) where name.hasPrefix("dovecot") {
            try FileManager.default.removeItem(atPath: maildir + "/" + name)
        }
        let uidlist = maildir + "/dovecot-uidlist"
        try "3 V\(uidValidity) N1\n".write(toFile: uidlist, atomically: false, encoding: .utf8)
        chown(uidlist, mailUID, mailGID)
    }

    /// The messages of a folder as files (new and cur), with their Maildir flags.
    public func maildirMessages(user: String, folder: String = "INBOX") throws -> [MaildirMessage] {
        let maildir = maildirPath(user: user, folder: folder)
        var messages: [MaildirMessage] = []
        for subdirectory in ["new", "cur"] {
            let path = maildir + "/" + subdirectory
            guard FileManager.default.fileExists(atPath: path) else { continue }
            for name in try FileManager.default.contentsOfDirectory(atPath: path) {
                messages.append(MaildirMessage(path: path + "/" + name, isNew: subdirectory == "new"))
            }
        }
        return messages.sorted { $0.path < $1.path }
    }

    /// How many messages a folder holds on disk (0 when the folder does not exist).
    public func messageCount(user: String, folder: String = "INBOX") throws -> Int {
        try maildirMessages(user: user, folder: folder).count
    }

    /// Whether the folder exists on disk (Dovecot created it, or `deliver` did).
    public func folderExists(user: String, folder: String) -> Bool {
        FileManager.default.fileExists(atPath: maildirPath(user: user, folder: folder) + "/cur")
    }

    func maildirPath(user: String, folder: String) -> String {
        let root = directory + "/mail/\(user)/Maildir"
        if folder.uppercased() == "INBOX" { return root }
        return root + "/." + folder.replacingOccurrences(of: "/", with: ".")
    }

    @discardableResult
    func makeMaildir(user: String, folder: String) throws -> String {
        guard users[user] != nil else { throw LocalServersError("no user \(user) (users: \(users.keys.sorted()))") }
        let maildir = maildirPath(user: user, folder: folder)
        try makeMailDirectory(directory + "/mail/\(user)/Maildir")
        try makeMailDirectory(maildir)
        for subdirectory in ["cur", "new", "tmp"] { try makeMailDirectory(maildir + "/" + subdirectory) }
        return maildir
    }

    /// A directory owned by the mail user (Dovecot's processes run as that user).
    func makeMailDirectory(_ path: String) throws {
        if FileManager.default.fileExists(atPath: path) { return }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        chown(path, mailUID, mailGID)
        chmod(path, 0o700)
    }
}
