import Foundation
import BuzonConfig
import BuzonGateway
import BuzonStore

/// `buzon db backup FILE`, `buzon db migrate`: the database's safety nets.
///
/// `backup` copies the live database with SQLite's online backup API (consistent while the
/// daemon writes; mode 0600: it holds every customer's mail), whatever its schema version.
/// `migrate` is the explicit upgrade: it writes a backup beside the database first
/// (`buzon.sqlite.vN-….bak`) and says where; `run` and `deliver` do the same by themselves,
/// every other command refuses an old schema and names this one.
enum DbCommand {
    enum Backup: BuzonCommand {
        static let spec = CommandSpec(
            words: ["db", "backup"], section: .database, summary: "consistent copy while the daemon runs (mode 0600)",
            operands: [OperandSpec(placeholder: "FILE", kind: .file, help: "where the copy is written")],
            options: [.config],
            details: "Copies the live database with SQLite's online backup API: consistent while the daemon writes, "
                + "whatever its schema version, mode 0600 (it holds every customer's mail). Attachments are plain files: "
                + "copy the attachments directory alongside.",
            examples: ["db backup /var/backups/buzon.sqlite"])

        static func run(_ args: Arguments) throws -> Int32 {
            let file = args.operands[0]
            let context = try CommandContext.open(args, upgrade: .openAsIs)
            try context.store.backup(to: file)
            print("\(context.runtime.config.database) (schema \(try context.store.schemaVersionOnDisk())) copied to \(file)")
            return ExitCode.ok
        }
    }

    enum Migrate: BuzonCommand {
        static let spec = CommandSpec(
            words: ["db", "migrate"], section: .database, summary: "upgrade the schema after a backup (run and deliver do it too)",
            options: [.config],
            details: "Upgrades an older database to this Buzón's schema after writing a backup beside it "
                + "(buzon.sqlite.vN-….bak), and says where; creates a new database when there is none. "
                + "A newer schema, or a file that is not Buzón's, is refused untouched.",
            examples: ["db migrate --config /etc/buzon/buzon.toml"])

        static func run(_ args: Arguments) throws -> Int32 {
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
            return ExitCode.ok
        }
    }
}
