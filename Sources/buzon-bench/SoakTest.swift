import Foundation
import BuzonTesting
#if canImport(Glibc)
import Glibc
#endif

/// `buzon-bench soak`: the fault-injection soak of issue #10, through the real `buzon run`
/// binary against a real Dovecot and the real SMTP sink on 127.0.0.1 (`LocalServers`).
///
/// Five phases, each with its own share of the mail so every problem is attributable
/// (`SoakTest+Phases.swift`): SIGKILLs at random moments of a drain with attachments; IMAP and
/// SMTP outages; a full, then read-only, attachments directory; two daemons on one database;
/// poison mail. Then `SoakAccounting` gives every message a verdict, `SoakDoubles` blames every
/// repeated acknowledgement on an interruption, and `SoakReport` prints figures and checks.
final class SoakTest {
    static let user = "soporte"
    static let password = "soak-secret"

    let options: SoakOptions
    let corpus: SoakCorpus
    let servers: LocalServers
    let desk: BenchDesk
    let ledger: SoakLedger
    var faults: SoakFaults
    var random: SplitMix64
    let started = ResourceUsage.now

    /// The daemon every phase runs; the two-daemon phase adds `second`.
    var daemon: SoakDaemon?
    var second: SoakDaemon?
    var daemonLives = 0
    var peakResidentBytes = 0
    /// SIGKILLs and SMTP outages, with the sink's count right after each.
    var marks: [SoakDoubles.Mark] = []
    var killsMidDrain = 0
    /// Sink positions of the notices that arrived while two daemons ran.
    var twoDaemonWindow = 0..<0
    var phaseSeconds: [(phase: SoakMessage.Phase, seconds: Double, faults: String)] = []
    /// What the run saw besides the checks: skipped faults, phases that stopped progressing.
    var notes: [String] = []
    /// Daemon exits the soak did not cause.
    var crashes: [String] = []
    var currentPhase = SoakMessage.Phase.kills
    /// Messages in the dead-letter folder when the current phase began.
    var deadLettersBeforePhase = 0
    /// Set when the run passed without `--keep`.
    private var removeWorkDirectory = false

    var workDirectory: String { desk.directory }
    var logPath: String { workDirectory + "/daemon.log" }

    init(options: SoakOptions) throws {
        self.options = options
        corpus = SoakCorpus(count: options.messages, seed: options.seed)
        random = SplitMix64(seed: options.seed ^ 0xFA17_5EED)
        servers = try LocalServers.start(users: [Self.user: Self.password])
        let directory = NSTemporaryDirectory() + "buzon-soak-\(getpid())"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try "\(Self.password)\n".write(toFile: directory + "/mail.pass", atomically: true, encoding: .utf8)
            desk = try BenchDesk(mailboxes: Self.mailboxTOML(servers) + SoakCorpus.organizationTOML, directory: directory)
        } catch {
            servers.stop()
            throw error
        }
        ledger = SoakLedger(database: desk.store.database, servers: servers, user: Self.user,
                            deadLetterFolder: desk.runtime.config.deadLetterFolder)
        faults = SoakFaults(servers: servers, attachments: desk.runtime.config.attachmentsDirectory)
    }

    /// `[smtp]` and the one `[[mailbox]]`: polled every second, quick SMTP retries.
    static func mailboxTOML(_ servers: LocalServers) -> String {
        """
        [smtp]
        url = "\(servers.smtpURL())"
        username = "\(user)"
        password_file = "mail.pass"
        from = "soporte@empresa.com"
        retry_base_seconds = 1
        retry_max_seconds = 2

        [[mailbox]]
        name = "\(user)"
        url = "\(servers.imapURL())"
        username = "\(user)"
        password_file = "mail.pass"
        address = "soporte@empresa.com"
        department = "Soporte"
        poll_seconds = 1
        after = "seen"


        """
    }

    /// Runs every phase and prints the report; the process exit status (1 on any FAIL).
    func run() throws -> Int32 {
        print("soak: seed \(options.seed), \(corpus.messages.count) messages, \(options.kills) kills, binary \(options.buzon)")
        print("soak: work directory \(workDirectory) (daemon log: \(logPath))")
        fflush(nil)
        defer { finish() }
        if SoakFaults.canMount {
            let megabytes = corpus.messages.reduce(0) { $0 + $1.bytes.count } / 1_000_000 + 64
            do {
                try faults.mountAttachments(megabytes: megabytes)
            } catch {
                notes.append("full disk: SKIPPED, \(error)")
            }
        } else {
            notes.append("full disk: SKIPPED, mounting a tmpfs needs root (run scripts/soak.sh as root)")
        }
        try startDaemon()
        for phase in SoakMessage.Phase.allCases {
            currentPhase = phase
            let start = ResourceUsage.now
            let faultsSeen = try run(phase)
            phaseSeconds.append((phase, ResourceUsage.now - start, faultsSeen))
            print("soak: \(phase.rawValue) phase done in \(String(format: "%.1f", ResourceUsage.now - start)) s: \(faultsSeen)")
            fflush(nil)
        }
        daemon?.stop()
        daemon.map { peakResidentBytes = max(peakResidentBytes, $0.peakResidentBytes) }
        daemon = nil
        let report = try SoakReport(test: self,
                                    accounting: SoakAccounting(messages: corpus.messages, ledger: ledger),
                                    doubles: SoakDoubles(received: try ledger.received(), marks: marks, twoDaemons: twoDaemonWindow))
        report.print(writingTo: workDirectory + "/soak-report.txt")
        removeWorkDirectory = report.passed && !options.keep
        if !removeWorkDirectory { print("soak: kept \(workDirectory) (soak-report.txt, daemon.log, daemon-2.log, database)") }
        return report.passed ? 0 : 1
    }

    /// Stops whatever still runs, unmounts the tmpfs, stops the servers; removes the work
    /// directory unless `--keep` (a failing run keeps it: the report says so).
    private func finish() {
        for running in [daemon, second].compactMap({ $0 }) { running.stop(grace: 5) }
        faults.unmountAttachments()
        servers.stop()
        if removeWorkDirectory { desk.remove() }
    }

    // MARK: Daemons

    func startDaemon() throws {
        daemonLives += 1
        daemon = try SoakDaemon(name: "daemon life \(daemonLives)", binary: options.buzon,
                                configPath: workDirectory + "/buzon.toml", logPath: logPath)
    }

    /// SIGKILL the daemon (as a crash or the OOM killer would) and keep its peak memory.
    func killDaemon() {
        guard let running = daemon else { return }
        running.kill9()
        peakResidentBytes = max(peakResidentBytes, running.peakResidentBytes)
        daemon = nil
    }

    /// Samples memory and restarts a daemon that exited on its own (a crash: recorded).
    func watchDaemons() throws {
        for running in [daemon, second].compactMap({ $0 }) {
            running.sample()
            peakResidentBytes = max(peakResidentBytes, running.peakResidentBytes)
        }
        if let running = daemon, !running.isRunning {
            crashes.append("\(running.name) exited on its own with status \(running.terminationStatus) during the \(currentPhase.rawValue) phase (see \(logPath)); restarted")
            try startDaemon()
        }
    }

    /// Sleeps `seconds` while watching the daemons.
    func pause(_ seconds: Double) throws {
        let end = ResourceUsage.now + seconds
        while ResourceUsage.now < end {
            try watchDaemons()
            usleep(UInt32(min(0.1, max(0, end - ResourceUsage.now)) * 1_000_000))
        }
    }

    /// A random pause in `low...high` seconds, drawn from the seed.
    func randomPause(_ low: Double, _ high: Double) throws {
        try pause(low + random.unit() * (high - low))
    }

    /// Remembers an interruption for the blame of repeated acknowledgements.
    func mark(_ name: String) throws {
        usleep(50_000)  // a message the sink was writing when the client died lands first
        marks.append(.init(name: name, receivedAfter: try ledger.receivedCount()))
    }
}
