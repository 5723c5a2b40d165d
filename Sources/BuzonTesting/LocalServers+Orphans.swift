import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A test process that crashes cannot stop its daemons: Dovecot would keep running (the sink
/// exits by itself when its parent dies). Each server directory records its owner's pid and
/// its daemons' pids; `start` reaps directories whose owner is gone.
extension LocalServers {
    static let directoryPrefix = "buzon-servers-"

    func recordOwner() throws {
        try "\(getpid())".write(toFile: directory + "/owner.pid", atomically: true, encoding: .utf8)
    }

    func record(_ daemon: DaemonProcess, as name: String) {
        guard let pid = daemon.pid else { return }
        try? "\(pid)".write(toFile: directory + "/\(name).pid", atomically: true, encoding: .utf8)
    }

    /// Kills (by process group) the daemons of server directories whose owning process no
    /// longer exists, after checking that the pid still runs a command naming that directory,
    /// then removes the directory. Directories of live processes are never touched.
    static func reapOrphans() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/tmp") else { return }
        for entry in entries where entry.hasPrefix(directoryPrefix) {
            let directory = "/tmp/" + entry
            guard let owner = readPID(directory + "/owner.pid") else { continue }
            if kill(owner, 0) == 0 || errno == EPERM { continue }
            for name in ["dovecot", "sink"] {
                guard let pid = readPID(directory + "/\(name).pid"), commandLine(of: pid).contains(directory) else { continue }
                kill(-pid, SIGKILL)
            }
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    private static func readPID(_ path: String) -> pid_t? {
        (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    private static func commandLine(of pid: pid_t) -> String {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return "" }
        return String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
    }
}
