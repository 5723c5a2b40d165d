import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn` so that it behaves like a daemon started from a
/// shell, whatever thread of the test runner starts it:
/// - empty signal mask (`POSIX_SPAWN_SETSIGMASK`): Swift Testing's worker threads block SIGTERM,
///   and a child inheriting that mask ignores the stop signal;
/// - default SIGPIPE/SIGTERM/SIGINT/SIGHUP (`POSIX_SPAWN_SETSIGDEF`);
/// - its own process group, so `stop()` reaches the daemon's children too;
/// - stdin from /dev/null, stdout and stderr appended to `logPath`, every descriptor above 2
///   closed: an inherited pipe would keep the runner's readers (and Foundation's exit
///   detection) waiting for the daemon.
/// The owner stops it with `stop()` (SIGTERM, then SIGKILL after a grace period); `deinit` stops too.
final class DaemonProcess {
    let name: String
    let logPath: String
    private(set) var pid: pid_t?

    init(name: String, executable: String, arguments: [String], logPath: String) throws {
        self.name = name
        self.logPath = logPath
        pid = try Self.spawn(executable, arguments, logPath: logPath)
    }

    deinit { stop() }

    /// Whether the child is still running (reaps it when it exited).
    var isRunning: Bool {
        guard let pid else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            self.pid = nil
            return false
        }
        return true
    }

    /// SIGTERM to the daemon's whole process group, wait up to `grace` for the daemon, then
    /// SIGKILL whatever is left in the group. Dovecot's master exits on SIGTERM but leaves its
    /// `imap` processes serving open connections; a stopped server must not answer anymore.
    /// Always reaps the child.
    func stop(grace: TimeInterval = 10) {
        guard let pid else { return }
        self.pid = nil
        kill(-pid, SIGTERM)
        kill(-pid, SIGCONT)  // a paused daemon must see the SIGTERM
        let deadline = Date().addingTimeInterval(grace)
        var status: Int32 = 0
        while Date() < deadline, waitpid(pid, &status, WNOHANG) == 0 {
            usleep(5_000)
        }
        kill(-pid, SIGKILL)
        if waitpid(pid, &status, WNOHANG) == 0 { waitpid(pid, &status, 0) }
    }

    /// Sends a signal to the daemon and all its children (SIGSTOP/SIGCONT to simulate a hang).
    func signalGroup(_ signal: Int32) {
        guard let pid else { return }
        kill(-pid, signal)
    }

    /// Runs a short tool to completion (openssl) with the same hygiene; throws on failure.
    static func run(_ executable: String, _ arguments: [String], logPath: String) throws {
        let pid = try spawn(executable, arguments, logPath: logPath)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        // WIFEXITED && WEXITSTATUS == 0, spelled out (the macros do not reach Swift).
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            throw LocalServersError("\(executable) failed (status \(status)); see \(logPath):\n\(tail(of: logPath))")
        }
    }

    static func tail(of path: String, lines: Int = 20) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "(no log)"
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    private static func spawn(_ executable: String, _ arguments: [String], logPath: String) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        guard closeFrom(&actions, 3) == 0 else {
            throw LocalServersError("posix_spawn_file_actions_addclosefrom_np failed")
        }

        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = (argv + [nil]).withUnsafeBufferPointer { buffer in
            posix_spawn(&pid, executable, &actions, &attributes, buffer.baseAddress!, environ)
        }
        guard result == 0 else {
            throw LocalServersError("cannot start \(executable): \(String(cString: strerror(result))); is it installed? (scripts/install-deps.sh)")
        }
        return pid
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc ≥ 2.34 has `posix_spawn_file_actions_addclosefrom_np`, but Swift's Glibc module does
    /// not declare it (it sits behind `__USE_MISC` in <spawn.h>): look the symbol up once.
    private static let addCloseFrom: CloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: CloseFrom.self)
    }()

    private static func closeFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ first: Int32) -> Int32 {
        addCloseFrom?(actions, first) ?? -1
    }
}
