import Foundation
import BuzonGateway
import BuzonStore

/// `buzon run --config FILE [--once]`: the daemon. Polls until SIGTERM/SIGINT (the message
/// in hand is finished, then exit 0); SIGHUP reloads config and templates. `--once` polls
/// every mailbox until it has nothing left, drains the outbox and exits (cron, tests, the
/// demo): 0, or 75 (EX_TEMPFAIL) when no mailbox could be polled or the SMTP server could
/// not be reached with mail due, so cron and monitoring notice.
enum RunCommand: BuzonCommand {
    static let spec = CommandSpec(
        words: ["run"], section: .gateway,
        summary: "poll the mailboxes and send the outbox until SIGTERM (SIGHUP reloads)",
        options: [.flag("once", "one round: poll every mailbox until it has nothing left, drain the outbox, exit"), .config],
        details: "The daemon: polls every mailbox on its own interval, sends the outbox and auto-closes tickets. "
            + "SIGTERM or SIGINT finish the message in hand and exit 0; SIGHUP reloads the configuration and templates "
            + "(a broken file is refused, the old one kept). With --once it exits 0, or 75 when no mailbox could be "
            + "polled or the SMTP server could not be reached with mail due, so cron notices.",
        examples: ["run --config /etc/buzon/buzon.toml", "run --once"])

    static func run(_ args: Arguments) throws -> Int32 {
        let context = try CommandContext.open(args, upgrade: .backupThenUpgrade)
        let gateway = TransportFactory.gateway(context)
        if args.flag("once") {
            let report = try gateway.runOnce()
            print("fetched \(report.fetched), processed \(report.processed), dead-lettered \(report.deadLettered); "
                  + "sent \(report.outbox.sent), retrying \(report.outbox.retried), failed \(report.outbox.failed)")
            guard report.isFailure else { return ExitCode.ok }
            var reasons: [String] = []
            if report.mailboxesPolled == 0, report.mailboxesFailed > 0 {
                reasons.append("no mailbox could be polled (\(report.mailboxesFailed) failed)")
            }
            if report.outbox.unreachable { reasons.append("the SMTP server could not be reached; notices stay queued") }
            CommandFailure.printError("buzon run: \(reasons.joined(separator: "; ")) (see the log for each error)")
            return ExitCode.tempFail
        }
        let signals = SignalWatcher()
        signals.install()
        try gateway.run(signals: signals, notifier: SystemdNotifier(), configPath: context.configPath)
        return ExitCode.ok
    }
}
