import Foundation
import BuzonTransport
#if canImport(Glibc)
import Glibc
#endif

/// A real Dovecot (IMAP, IMAPS, STARTTLS) and a real SMTP sink (Debian's python3-aiosmtpd)
/// on 127.0.0.1, on free ports, in a fresh temporary directory — for integration tests and
/// the demo. `stop()` (or `deinit`) stops both and removes the directory.
///
/// Users: each name gets a Dovecot account (`{PLAIN}` password, Maildir under the directory)
/// and the same login for SMTP AUTH. Thread-safe: tests running in parallel may share one.
public final class LocalServers: @unchecked Sendable {
    public let directory: String
    public let users: [String: String]
    public let imapPort: Int
    public let imapsPort: Int
    /// Plain SMTP with STARTTLS and AUTH PLAIN/LOGIN offered.
    public let smtpPort: Int
    /// SMTP over implicit TLS, AUTH offered.
    public let smtpsPort: Int
    /// The self-signed certificate both servers present (SAN localhost and 127.0.0.1): give it
    /// to clients as their CA file.
    public let caFile: String
    let keyFile: String
    /// Owner of the mail files: Debian's `mail` (uid 8) when running as root, because Dovecot
    /// refuses mail access as root; the current user otherwise.
    let mailUID: uid_t
    let mailGID: gid_t

    let lock = NSLock()
    var dovecot: DaemonProcess?
    var sink: DaemonProcess?
    var deliveries = 0
    private var stopped = false

    /// Starts both servers (≈0.4 s) and returns when their ports accept connections.
    public static func start(users: [String: String] = ["soporte": "secret", "ventas": "secret"]) throws -> LocalServers {
        reapOrphans()
        let servers = try LocalServers(users: users)
        do {
            try servers.recordOwner()
            try servers.writeFiles()
            try servers.startIMAP()
            try servers.startSMTP()
        } catch {
            servers.stop()
            throw error
        }
        return servers
    }

    private init(users: [String: String]) throws {
        for name in users.keys where name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) {
            throw LocalServersError("user name \"\(name)\" must be letters, digits, '.', '_' or '-'")
        }
        var template = Array("/tmp/\(Self.directoryPrefix)XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw LocalServersError("mkdtemp failed: errno \(errno)") }
        directory = String(cString: made)
        chmod(directory, 0o755)  // the mail user must traverse it
        self.users = users
        imapPort = try LoopbackPort.free()
        imapsPort = try LoopbackPort.free()
        smtpPort = try LoopbackPort.free()
        smtpsPort = try LoopbackPort.free()
        caFile = directory + "/cert.pem"
        keyFile = directory + "/key.pem"
        mailUID = getuid() == 0 ? 8 : getuid()
        mailGID = getuid() == 0 ? 8 : getgid()
    }

    deinit { stop() }

    /// Stops both servers and removes the directory. Idempotent.
    public func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            sink?.stop()
            dovecot?.stop()
            sink = nil
            dovecot = nil
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// `imap://127.0.0.1:PORT/FOLDER` (plain, STARTTLS available) or `imaps://…` (implicit TLS).
    public func imapServerURL(folder: String = "INBOX", implicitTLS: Bool = false) -> ServerURL {
        ServerURL(scheme: implicitTLS ? "imaps" : "imap", host: "127.0.0.1", port: implicitTLS ? imapsPort : imapPort,
                  path: folder)
    }

    /// `smtp://127.0.0.1:PORT` (plain, STARTTLS available) or `smtps://…` (implicit TLS).
    public func smtpServerURL(implicitTLS: Bool = false) -> ServerURL {
        ServerURL(scheme: implicitTLS ? "smtps" : "smtp", host: "127.0.0.1", port: implicitTLS ? smtpsPort : smtpPort)
    }

    /// `imapServerURL` as written in a configuration file (folder percent-encoded).
    public func imapURL(folder: String = "INBOX", implicitTLS: Bool = false) -> String {
        imapServerURL(folder: folder, implicitTLS: implicitTLS).description
    }

    /// `smtpServerURL` as written in a configuration file.
    public func smtpURL(implicitTLS: Bool = false) -> String {
        smtpServerURL(implicitTLS: implicitTLS).description
    }

    private func writeFiles() throws {
        try DaemonProcess.run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "7",
            "-keyout", keyFile, "-out", caFile, "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ], logPath: directory + "/openssl.log")
        try writeDovecotFiles()
        try writeSinkFiles()
    }
}
