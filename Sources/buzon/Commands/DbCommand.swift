import Foundation
import BuzonGateway
import BuzonStore
import BuzonConfig

/// `buzon db backup FILE`, `buzon db migrate`: the database's safety nets.
///
/// `backup` copies the live database with SQLite's online backup API (consistent while the
/// daemon writes; mode 0600: it holds every customer's mail), whatever its schema version.
/// `migrate` is the explicit upgrade: it writes a backup beside the database first
/// (`buzon.sqlite.vN-….bak`) and says where; `run` and `deliver` do the same by themselves,
/// every other command refuses an old schema and names this one.
enum DbCommand {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            guard let sub = arguments.first else { throw Arguments.UsageError(description: "say backup FILE or migrate") }
            let args = try Arguments(Array(arguments.dropFirst()), valueOptions: ["config"])
            switch sub {
            case "backup":
                guard let file = args.positionals.first else { throw Arguments.UsageError(description: "name the backup file: buzon db backup /var/backups/buzon.sqlite") }
                let context = try CommandContext.open(args, upgrade: .openAsIs)
                try context.store.backup(to: file)
                print("\(context.runtime.config.database) (schema \(try context.store.schemaVersionOnDisk())) copied to \(file)")
            case "migrate":
                let path = try GatewayConfig.load(path: CommandContext.configPath(args)).database
                let before = try TicketStore.schemaVersion(ofFileAt: path)
                let context = try CommandContext.open(args, upgrade: .backupThenUpgrade)
                let after = try context.store.schemaVersionOnDisk()
                if let backup = context.store.upgradeBackup {
                    print("\(path): schema \(before ?? 0) → \(after); backup of the old one: \(backup)")
                } else if before == nil || before == 0 {
                    print("\(path): new database created at schema \(after)")
                } else {
                    print("\(path): already at schema \(after), nothing to do")
                }
            default:
                throw Arguments.UsageError(description: "unknown 'db \(sub)': say backup FILE or migrate")
            }
            return ExitCode.ok
        } catch {
            return CommandFailure.report(error, command: "db")
        }
    }
}
