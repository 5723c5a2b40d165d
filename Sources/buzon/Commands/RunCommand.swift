import Foundation
import BuzonGateway
import BuzonStore

/// `buzon run --config FILE [--once]`: the daemon. Polls until SIGTERM/SIGINT (the message
/// in hand is finished, then exit 0); SIGHUP reloads config and templates. `--once` polls
/// every mailbox once, drains the outbox and exits (cron, tests, the demo).
enum RunCommand {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let args = try Arguments(arguments, valueOptions: ["config"], flagOptions: ["once"])
            let context = try CommandContext.open(args, upgrade: .backupThenUpgrade)
            let gateway = TransportFactory.gateway(context)
            if args.flag("once") {
                let report = try gateway.runOnce()
                print("fetched \(report.fetched), processed \(report.processed), dead-lettered \(report.deadLettered); "
                      + "sent \(report.outbox.sent), retrying \(report.outbox.retried), failed \(report.outbox.failed)")
                return ExitCode.ok
            }
            let signals = SignalWatcher()
            signals.install()
            try gateway.run(signals: signals, notifier: SystemdNotifier(), configPath: context.configPath)
            return ExitCode.ok
        } catch {
            return CommandFailure.report(error, command: "run")
        }
    }
}
