import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One `buzon run --config FILE` (the real daemon binary), its standard output and error
/// appended to a log file. The soak kills it with SIGKILL the way a crash or the OOM killer
/// would, or stops it with SIGTERM. Owns the child: `deinit` kills it if it still runs.
///
/// Peak memory: `sample()` reads the kernel's high-water mark of resident memory (`VmHWM` in
/// `/proc/PID/status`); the soak calls it while waiting and right before every kill, so the
/// peak of a process that is killed is not lost with it.
final class SoakDaemon {
    let name: String
    private let process = Process()
    private(set) var peakResidentBytes = 0

    /// Starts the daemon; throws when the binary cannot be started.
    init(name: String, binary: String, configPath: String, logPath: String) throws {
        self.name = name
        if !FileManager.default.fileExists(atPath: logPath) {
            _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        log.write(Data("# soak: \(name) started\n".utf8))
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["run", "--config", configPath]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    deinit {
        if process.isRunning { kill9() }
    }

    var isRunning: Bool { process.isRunning }
    var pid: pid_t { process.processIdentifier }
    /// The exit status once it ended (a signal number when killed).
    var terminationStatus: Int32 { process.terminationStatus }

    /// Reads the daemon's peak resident set so far into `peakResidentBytes`.
    func sample() {
        guard process.isRunning,
              let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return }
        peakResidentBytes = max(peakResidentBytes, kilobytes * 1024)
    }

    /// SIGKILL; returns once the process is gone and reaped.
    func kill9() {
        sample()
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM (finish the batch in hand, exit 0); SIGKILL after `grace` seconds. Returns the
    /// exit status, or nil when it had to be killed.
    @discardableResult
    func stop(grace: TimeInterval = 20) -> Int32? {
        sample()
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        guard !process.isRunning else {
            kill9()
            return nil
        }
        return process.terminationStatus
    }
}
