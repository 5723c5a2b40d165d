import Foundation
import BuzonGateway
import BuzonStore

/// What most subcommands need: the loaded configuration and templates, the store, a logger.
struct CommandContext {
    let configPath: String
    let runtime: GatewayRuntime
    let store: TicketStore
    let logger: Logger

    /// `--config FILE`, else `$BUZON_CONFIG`, else `/etc/buzon/buzon.toml`.
    static func configPath(_ arguments: Arguments) -> String {
        arguments.value("config") ?? ProcessInfo.processInfo.environment["BUZON_CONFIG"] ?? "/etc/buzon/buzon.toml"
    }

    /// Loads configuration and templates and opens the store. `upgrade`: only `run`, `deliver`
    /// and `db migrate` may upgrade an older schema (after a backup); the rest refuse and name
    /// the command that does.
    static func open(_ arguments: Arguments, upgrade: SchemaUpgrade = .refuse) throws -> CommandContext {
        let path = configPath(arguments)
        let runtime = try GatewayRuntime.load(configPath: path)
        let logger = Logger(minimumLevel: Logger.Level(name: runtime.config.logLevel.rawValue) ?? .info)
        for warning in runtime.config.warnings { logger.warning("config.warning", [("detail", warning)]) }
        let config = runtime.config
        try FileManager.default.createDirectory(atPath: (config.database as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let store = try TicketStore(databasePath: config.database, attachmentsDirectory: config.attachmentsDirectory,
                                    upgrade: upgrade)
        if let backup = store.upgradeBackup {
            logger.warning("store.upgraded", [("database", config.database), ("schema", String(TicketStore.schemaVersion)),
                                              ("backup", backup)])
        }
        return CommandContext(configPath: path, runtime: runtime, store: store, logger: logger)
    }

    var wording: Wording { Wording(language: runtime.config.language) }
    var desk: DeskActions { DeskActions(runtime: runtime, store: store, logger: logger) }
    var timeZone: TimeZone { runtime.config.calendar.timeZone }
}
