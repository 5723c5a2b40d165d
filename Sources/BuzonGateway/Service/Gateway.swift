import Foundation
import BuzonTransport
import BuzonStore
import BuzonConfig

/// The daemon: one poller per mailbox on its own schedule, the outbox sender, the auto-close
/// rule and the metrics file, driven from one loop.
///
/// Why one loop and not a thread per mailbox: every step is short (a poll, a batch of sends)
/// and SQLite serializes writers anyway; one loop keeps shutdown and reload simple — a stop
/// request is honoured between two messages, so the message in hand is always finished.
/// A mailbox that fails (server down, wrong password, a full disk) is logged once and backed
/// off exponentially; the other mailboxes keep their own schedule.
///
/// A backlog does not starve anything: a poll takes at most `roundBudget` messages before the
/// next mailbox gets its turn, and between two batches the loop pings the watchdog and sends
/// the acknowledgements already due, so customers hear back while the backlog drains.
public final class Gateway {
    /// Builds the transport for a mailbox / the SMTP server; injected so tests use fakes.
    public typealias MailboxFactory = (MailboxConfig) throws -> MailboxClient
    public typealias SenderFactory = (SMTPConfig) throws -> MailSender

    public private(set) var runtime: GatewayRuntime
    let store: TicketStore
    let makeMailbox: MailboxFactory
    let makeSender: SenderFactory
    let clock: @Sendable () -> Date
    let logger: Logger
    public let metrics = GatewayMetrics()
    /// Set by tests; nil follows `[gateway] poll_retry_*` of the current (reloadable) config.
    let pollBackoffOverride: Backoff?
    var pollBackoff: Backoff {
        pollBackoffOverride ?? Backoff(base: TimeInterval(runtime.config.pollRetryBaseSeconds),
                                       maximum: TimeInterval(runtime.config.pollRetryMaxSeconds))
    }
    /// Messages one poll of one mailbox may take before the others (and the outbox) get a turn.
    let roundBudget: Int

    private var schedules: [String: MailboxSchedule] = [:]
    private var pollers: [String: MailboxPoller] = [:]
    private var outbox: OutboxSender?
    /// Why the SMTP sender could not be built last time (logged once per distinct reason).
    private var senderError: String?
    private var lastLifecycleRun: Date?
    private var lastWatchdog = Date.distantPast
    /// Set when a send between two batches found the SMTP server unreachable: the rest of
    /// the round does not try again (each try may cost a connect timeout).
    private var outboxDownThisRound = false
    /// One poller per mailbox across processes sharing the database (see `MailboxLocks`).
    private let mailboxLocks: MailboxLocks
    /// Mailboxes skipped last time because another process polls them (logged once per change).
    private var lockedElsewhere: Set<String> = []

    public init(runtime: GatewayRuntime, store: TicketStore, makeMailbox: @escaping MailboxFactory,
                makeSender: @escaping SenderFactory, clock: @escaping @Sendable () -> Date = Date.init,
                logger: Logger, pollBackoff: Backoff? = nil, roundBudget: Int = 500) {
        self.runtime = runtime
        self.store = store
        self.makeMailbox = makeMailbox
        self.makeSender = makeSender
        self.clock = clock
        self.logger = logger
        self.pollBackoffOverride = pollBackoff
        self.roundBudget = max(1, roundBudget)
        self.mailboxLocks = MailboxLocks(databasePath: store.databasePath)
    }

    /// Polls every mailbox until it has nothing left, drains the outbox and runs the
    /// auto-close rule (`buzon run --once`, cron, tests). Transport failures are logged, not
    /// thrown; the report says which mailboxes failed and whether the outbox was reachable.
    @discardableResult
    public func runOnce(shouldStop: () -> Bool = { false }) throws -> RoundReport {
        var report = RoundReport()
        outboxDownThisRound = false
        var outboxReports: [OutboxSender.Report] = []
        for mailbox in runtime.config.mailboxes {
            if shouldStop() { break }
            var failed = false
            var more = true
            while more, !failed, !shouldStop() {
                let poll = pollMailbox(mailbox, shouldStop: shouldStop) {
                    outboxReports.append(self.sendDueMailBetweenBatches(shouldStop: shouldStop))
                }
                if let poll { report.add(poll) } else { failed = true }
                more = poll?.more ?? false
            }
            if failed { report.mailboxesFailed += 1 } else { report.mailboxesPolled += 1 }
        }
        try runLifecycle(force: true)
        outboxReports.append(try drainOutbox(shouldStop: shouldStop))
        report.addOutbox(outboxReports)
        try writeMetrics()
        return report
    }

    /// Runs until a stop request: each mailbox when due, the outbox and the auto-close
    /// rule every round, SIGHUP reloads. `notifier` receives READY/WATCHDOG/STOPPING.
    public func run(signals: SignalWatcher, notifier: SystemdNotifier, configPath: String) throws {
        notifier.notify("READY=1\nSTATUS=polling \(runtime.config.mailboxes.count) mailboxes")
        logger.info("gateway.started", [("mailboxes", runtime.config.mailboxes.map(\.name).joined(separator: ","))])
        var lastRoundError: String?
        while true {
            let now = clock()
            outboxDownThisRound = false
            for mailbox in runtime.config.mailboxes where schedule(for: mailbox).isDue(at: now) {
                if signals.stopRequested { break }
                pollMailbox(mailbox, shouldStop: { signals.stopRequested }) {
                    self.pingWatchdog(notifier)
                    _ = self.sendDueMailBetweenBatches(shouldStop: { signals.stopRequested })
                }
                pingWatchdog(notifier)
            }
            if !signals.stopRequested {
                // A store hiccup (a locked database, a full disk) must not end the daemon:
                // log it, and the next round tries again. Nothing is lost meanwhile —
                // unsent notices stay in the outbox, unmarked mail stays on the server.
                do {
                    try runLifecycle(force: false)
                    _ = try drainOutbox(shouldStop: { signals.stopRequested })
                    try writeMetrics()
                    lastRoundError = nil
                } catch {
                    let text = "\(error)"
                    if text != lastRoundError { logger.error("gateway.round_failed", [("error", text)]) }
                    lastRoundError = text
                }
            }
            pingWatchdog(notifier)
            let wake = min(nextWake(), Date().addingTimeInterval(notifier.watchdogInterval ?? 5))
            let requests = signals.wait(until: wake)
            if requests.contains(.stop) || signals.stopRequested { break }
            if requests.contains(.reload) { reload(configPath: configPath, notifier: notifier) }
        }
        notifier.notify("STOPPING=1")
        logger.info("gateway.stopped")
    }

    /// `WATCHDOG=1` when `watchdogInterval` (already half of systemd's `WATCHDOG_USEC`) has
    /// passed since the last ping; called between batches too, so a backlog never starves it.
    private func pingWatchdog(_ notifier: SystemdNotifier) {
        guard let interval = notifier.watchdogInterval, Date().timeIntervalSince(lastWatchdog) >= interval else { return }
        notifier.notify("WATCHDOG=1")
        lastWatchdog = Date()
    }

    /// Sends the acknowledgements already due while a backlog is worked through. A store
    /// error here is logged, not thrown: the poll goes on and the round's own drain retries.
    private func sendDueMailBetweenBatches(shouldStop: () -> Bool) -> OutboxSender.Report {
        guard !outboxDownThisRound else { return OutboxSender.Report(unreachable: true) }
        do {
            let report = try drainOutbox(shouldStop: shouldStop)
            outboxDownThisRound = report.unreachable
            return report
        } catch {
            logger.error("outbox.drain_failed", [("error", "\(error)")])
            return OutboxSender.Report()
        }
    }

    /// SIGHUP: a complete new runtime, or the old one kept when the new config is broken.
    public func reload(configPath: String, notifier: SystemdNotifier) {
        notifier.notify("RELOADING=1")
        defer { notifier.notify("READY=1") }
        do {
            let fresh = try GatewayRuntime.load(configPath: configPath)
            runtime = fresh
            pollers.removeAll()
            mailboxLocks.keepOnly(Set(fresh.config.mailboxes.map(\.name)))
            outbox = nil
            logger.info("gateway.reloaded", [("mailboxes", fresh.config.mailboxes.map(\.name).joined(separator: ","))])
        } catch {
            logger.error("gateway.reload_refused", [("error", "\(error)"), ("note", "the previous configuration stays in force")])
        }
    }

    private func schedule(for mailbox: MailboxConfig) -> MailboxSchedule {
        schedules[mailbox.name] ?? MailboxSchedule()
    }

    private func nextWake() -> Date {
        runtime.config.mailboxes.map { schedule(for: $0).nextPoll }.min() ?? clock().addingTimeInterval(60)
    }

    /// One poll of one mailbox, with its failure bookkeeping; never throws. Nil when the
    /// poll failed (transport, or an environment fault of the store: both back off).
    @discardableResult
    private func pollMailbox(_ mailbox: MailboxConfig, shouldStop: () -> Bool,
                             betweenBatches: () -> Void) -> MailboxPoller.Report? {
        var schedule = schedule(for: mailbox)
        defer { schedules[mailbox.name] = schedule }
        let log = logger.with(("mailbox", mailbox.name))
        do {
            guard try pollsHere(mailbox, log: log) else {
                schedule.succeeded(at: clock(), interval: TimeInterval(mailbox.pollSeconds))
                return MailboxPoller.Report()
            }
            let poller = try poller(for: mailbox)
            let report = try poller.poll(budget: roundBudget, shouldStop: shouldStop, betweenBatches: betweenBatches)
            if schedule.failures > 0 { log.info("mailbox.recovered", [("after_failures", String(schedule.failures))]) }
            // A backlog left by the budget is due again at once, after the other mailboxes.
            schedule.succeeded(at: clock(), interval: report.more ? 0 : TimeInterval(mailbox.pollSeconds))
            if report.fetched > 0 {
                log.info("mailbox.polled", [("fetched", String(report.fetched)), ("processed", String(report.processed)),
                                            ("dead_lettered", String(report.deadLettered))])
            }
            return report
        } catch {
            let text = "\(error)"
            let delay = pollBackoff.delay(afterFailures: schedule.failures + 1)
            // Log once per distinct reason, not on every retry of the same outage.
            if schedule.lastError != text {
                log.error("mailbox.poll_failed", [("error", text), ("retry_in_s", String(Int(delay)))])
            }
            schedule.failed(at: clock(), error: text, delay: delay)
            metrics.recordPollError(mailbox: mailbox.name)
            // Rebuild the client on the next poll: a fresh login also re-reads secret files
            // (an OAuth token refreshed on disk).
            pollers.removeValue(forKey: mailbox.name)?.disconnect()
            try? store.recordPollError(name: mailbox.name, error: text, at: clock())
            return nil
        }
    }

    /// True when this process holds `mailbox`'s lock; false (logged once) while another live
    /// process polls it — asked again every round, so this one takes over when that one dies.
    private func pollsHere(_ mailbox: MailboxConfig, log: Logger) throws -> Bool {
        let acquired = try mailboxLocks.acquire(mailbox.name)
        if !acquired, lockedElsewhere.insert(mailbox.name).inserted {
            log.warning("mailbox.locked_elsewhere", [("lock", mailboxLocks.path(for: mailbox.name)),
                                                     ("note", "another buzon process polls this mailbox; skipped, retried each round")])
        } else if acquired, lockedElsewhere.remove(mailbox.name) != nil {
            log.info("mailbox.lock_taken_over", [("lock", mailboxLocks.path(for: mailbox.name))])
        }
        return acquired
    }

    private func poller(for mailbox: MailboxConfig) throws -> MailboxPoller {
        if let poller = pollers[mailbox.name] { return poller }
        let processor = MessageProcessor(runtime: runtime, store: store, clock: clock, logger: logger, metrics: metrics)
        let poller = MailboxPoller(mailbox: mailbox, client: try makeMailbox(mailbox), processor: processor, store: store,
                                   deadLetterFolder: runtime.config.deadLetterFolder, logger: logger, metrics: metrics)
        pollers[mailbox.name] = poller
        return poller
    }

    private func drainOutbox(shouldStop: () -> Bool) throws -> OutboxSender.Report {
        if try store.dueOutbox(now: clock(), limit: 1).isEmpty { return OutboxSender.Report() }
        guard let sender = outboxSender() else { return OutboxSender.Report(unreachable: true) }
        return try sender.drain(shouldStop: shouldStop)
    }

    /// The outbox sender, built on first use. One that cannot be built (SMTP password
    /// variable unset, unreadable password file) is logged once per distinct reason and
    /// tried again next round: the notices wait in the outbox and the mailboxes are still
    /// polled, instead of the whole daemon stopping.
    private func outboxSender() -> OutboxSender? {
        if let outbox { return outbox }
        let smtp = runtime.config.smtp
        do {
            let sender = OutboxSender(store: store, sender: try makeSender(smtp), smtp: smtp, clock: clock, logger: logger,
                                      metrics: metrics)
            outbox = sender
            senderError = nil
            return sender
        } catch {
            let text = "\(error)"
            if senderError != text {
                logger.error("outbox.sender_unavailable", [("error", text), ("note", "notices stay queued; retried every round")])
            }
            senderError = text
            return nil
        }
    }

    /// Auto-close answered tickets left without a customer reply (at most once a minute).
    private func runLifecycle(force: Bool) throws {
        let now = clock()
        if !force, let last = lastLifecycleRun, now.timeIntervalSince(last) < 60 { return }
        lastLifecycleRun = now
        let desk = DeskActions(runtime: runtime, store: store, clock: clock, logger: logger)
        for number in try desk.autoClose() {
            logger.info("ticket.auto_closed", [("ticket", number)])
        }
    }

    private func writeMetrics() throws {
        guard let path = runtime.config.metricsFile else { return }
        let counts = try store.ticketCountsByState()
        let text = metrics.render(ticketsByState: counts, outboxDepth: try store.outboxDepth(),
                                  outboxFailed: try store.outbox(status: .failed).count)
        do { try GatewayMetrics.write(text, to: path) } catch {
            logger.warning("metrics.write_failed", [("path", path), ("error", "\(error)")])
        }
    }
}
