import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `buzon run` (the daemon, no `--once`) started in the background for one test, its standard
/// output and error appended to the desk's `buzon.log`. `buzon run` does not daemonize, so
/// Foundation's `Process` can watch it; `deinit` kills it if a test left it running.
final class BuzonDaemon {
    let process = Process()
    let logPath: String

    /// `logName`: a file in the desk's directory; two daemons of one desk each get their own.
    init(desk: E2EDesk, logName: String? = nil) throws {
        logPath = logName.map { desk.directory + "/" + $0 } ?? desk.logPath
        if !FileManager.default.fileExists(atPath: logPath) {
            _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.executableURL = BuzonBinary.url
        process.arguments = ["run", "--config", desk.configPath]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        // Swift Testing's worker threads block SIGTERM; a child inheriting that mask would
        // never see the stop signal. Spawn with an empty mask, then restore this thread's.
        var empty = sigset_t(), saved = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    var isRunning: Bool { process.isRunning }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits up to `timeout` for the daemon to exit; its exit status, or nil if still running.
    func waitForExit(timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// SIGKILL, as a crash or the OOM killer would; returns once the process is gone.
    func kill9() {
        signal(SIGKILL)
        process.waitUntilExit()
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Log lines with `event=NAME`.
    func events(_ name: String) -> [Substring] {
        log.split(separator: "\n").filter { $0.contains("event=\(name)") }
    }

    /// Waits until the log has at least `count` lines with `event=NAME`.
    func waitForEvent(_ name: String, count: Int = 1, timeout: TimeInterval = 10) -> Bool {
        waitUntil(timeout: timeout) { events(name).count >= count }
    }
}
