import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension LocalServers {
    var dovecotConfig: String { directory + "/dovecot.conf" }

    /// Starts Dovecot in the foreground (`-F`, so this process owns and reaps it) on the same
    /// ports as before. Used by `start` and by outage tests after `stopIMAP()`.
    public func startIMAP() throws {
        try lock.withLock {
            guard dovecot == nil else { return }
            let daemon = try DaemonProcess(name: "dovecot", executable: "/usr/sbin/dovecot",
                                           arguments: ["-F", "-c", dovecotConfig],
                                           logPath: directory + "/dovecot.out")
            dovecot = daemon
            record(daemon, as: "dovecot")
            try LoopbackPort.wait(for: [imapPort, imapsPort], of: daemon, timeout: 10)
        }
    }

    /// Stops Dovecot (SIGTERM to the master; ≈1 s) — existing connections are cut.
    public func stopIMAP() {
        lock.withLock {
            dovecot?.stop()
            dovecot = nil
        }
    }

    /// Freezes every Dovecot process (SIGSTOP): connections stay open but nothing answers,
    /// like a hung server. `resumeIMAP()` continues them.
    public func pauseIMAP() {
        lock.withLock { dovecot?.signalGroup(SIGSTOP) }
    }

    public func resumeIMAP() {
        lock.withLock { dovecot?.signalGroup(SIGCONT) }
    }

    func writeDovecotFiles() throws {
        let passwd = users.sorted { $0.key < $1.key }.map { "\($0.key):{PLAIN}\($0.value)::::::" }
        try (passwd.joined(separator: "\n") + "\n").write(toFile: directory + "/users", atomically: true, encoding: .utf8)
        try makeMailDirectory(directory + "/mail")
        for user in users.keys {
            try makeMailDirectory(directory + "/mail/\(user)")
            try makeMaildir(user: user, folder: "INBOX")
        }
        try dovecotConfigText.write(toFile: dovecotConfig, atomically: true, encoding: .utf8)
    }

    /// A private instance: nothing under /etc, /run or /var; loopback only; plaintext login
    /// allowed (loopback tests) and TLS on both listeners.
    private var dovecotConfigText: String {
        """
        instance_name = buzon-\(imapPort)
        base_dir = \(directory)/run
        state_dir = \(directory)/state
        log_path = \(directory)/dovecot.log
        info_log_path = \(directory)/dovecot.log
        protocols = imap
        listen = 127.0.0.1
        ssl = yes
        ssl_cert = <\(caFile)
        ssl_key = <\(keyFile)
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        auth_failure_delay = 0
        mail_uid = \(mailUID)
        mail_gid = \(mailGID)
        first_valid_uid = \(mailUID)
        first_valid_gid = \(mailGID)
        mail_location = maildir:\(directory)/mail/%u/Maildir
        mail_max_userip_connections = 100
        namespace inbox {
          inbox = yes
          separator = /
        }
        passdb {
          driver = passwd-file
          args = \(directory)/users
        }
        userdb {
          driver = passwd-file
          args = \(directory)/users
          default_fields = uid=\(mailUID) gid=\(mailGID) home=\(directory)/mail/%u
        }
        service imap-login {
          inet_listener imap {
            address = 127.0.0.1
            port = \(imapPort)
          }
          inet_listener imaps {
            address = 127.0.0.1
            port = \(imapsPort)
            ssl = yes
          }
        }

        """
    }
}
