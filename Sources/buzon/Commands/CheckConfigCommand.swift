import Foundation
import BuzonGateway
import BuzonStore
import BuzonConfig

/// `buzon check-config --config FILE`: validates the configuration, its secrets and every
/// template together and prints what it found; exit 78 when anything is wrong.
enum CheckConfigCommand: BuzonCommand {
    static let spec = CommandSpec(
        words: ["check-config"], section: .gateway, summary: "validate configuration, secrets and templates",
        options: [.config],
        details: "Reads the configuration, its secrets and every template, tries the database and attachments "
            + "directory, and prints every problem found in one run (file and line for each); exit 0 when usable, "
            + "78 when anything is wrong. `systemctl reload` runs it before sending SIGHUP.",
        examples: ["check-config --config /etc/buzon/buzon.toml"])

    static func run(_ args: Arguments) throws -> Int32 {
        let path = CommandContext.configPath(args)
        var report = ConfigCheck.run(configPath: path)
        if !report.hasErrors, let warning = authenticationWarning(configPath: path) {
            report.findings.append(.init(.warning, warning))
        }
        print(report.rendered)
        return report.hasErrors ? ExitCode.config : ExitCode.ok
    }

    /// When `trusted_authserv_id` is set and the database exists: whether most recent mail
    /// lacks a stamp from that server (the setting is probably wrong). Never creates nor
    /// upgrades a database: the survey reads columns every schema has.
    static func authenticationWarning(configPath: String) -> String? {
        guard let config = try? GatewayConfig.load(path: configPath), config.trustedAuthservID != nil,
              FileManager.default.fileExists(atPath: config.database),
              let store = try? TicketStore(databasePath: config.database, attachmentsDirectory: config.attachmentsDirectory,
                                           upgrade: .openAsIs)
        else { return nil }
        return (try? AuthenticationSurvey.run(store: store, trustedAuthservID: config.trustedAuthservID))??.warning
    }
}
