import Foundation

/// `buzon check-config`: everything the daemon would refuse at start-up, found beforehand.
///
/// Loads the configuration, reads every secret (without printing it), loads the templates of
/// every configured language and checks the directories the daemon writes to. Stops at the
/// first configuration error (later sections may depend on it) but reports every secret,
/// template and directory problem.
public enum ConfigCheck {
    public static func run(configPath: String,
                           environment: [String: String] = ProcessInfo.processInfo.environment) -> ConfigCheckReport {
        var report = ConfigCheckReport()
        let config: GatewayConfig
        do {
            config = try GatewayConfig.load(path: configPath)
        } catch {
            report.add(.error, error.description)
            return report
        }
        report.add(.ok, "configuration \(configPath)")
        summarize(config, into: &report)
        checkSecrets(config, environment: environment, into: &report)
        checkTemplates(config, into: &report)
        checkDirectories(config, into: &report)
        for warning in config.warnings {
            report.add(.warning, warning)
        }
        return report
    }

    private static func summarize(_ config: GatewayConfig, into report: inout ConfigCheckReport) {
        let mailboxes = config.mailboxes.map { "\($0.name) (\($0.url) → \($0.department))" }
        report.add(.ok, "\(count(config.mailboxes.count, "mailbox", "mailboxes")): \(mailboxes.joined(separator: ", "))")
        report.add(.ok, "smtp: \(config.smtp.url) from \(config.smtp.fromName) <\(config.smtp.from)>")
        let authorized = config.organizations.reduce(0) { $0 + $1.authorized.count }
        report.add(.ok, "\(count(config.organizations.count, "organization", "organizations")), \(count(authorized, "authorized entry", "authorized entries")); unknown senders: \(config.unknownSender.rawValue)")
        let calendar = config.calendar
        let days = calendar.workingDays.sorted().map { BusinessCalendarNames.day($0) }.joined(separator: ",")
        report.add(.ok, "business hours: \(days) \(BusinessCalendarNames.time(calendar.opensAtMinute))–\(BusinessCalendarNames.time(calendar.closesAtMinute)) \(calendar.timeZone.identifier), \(count(calendar.holidays.count, "holiday", "holidays"))")
        report.add(.ok, "categories: \(config.categories.map(\.name).joined(separator: ", ")) (otherwise \(config.defaultCategory))")
        report.add(.ok, "tickets: \(config.ticketPrefix)\(config.firstTicketNumber) onwards, database \(config.database)")
    }

    private static func checkSecrets(_ config: GatewayConfig, environment: [String: String], into report: inout ConfigCheckReport) {
        let secrets = [config.smtp.password] + config.mailboxes.flatMap { [$0.password, $0.xoauth2Token] }
        var readable = 0
        for case let secret? in secrets {
            do {
                _ = try secret.resolve(environment: environment)
                readable += 1
            } catch {
                report.add(.error, error.description)
            }
        }
        if readable > 0 {
            report.add(.ok, "\(count(readable, "secret", "secrets")) readable")
        }
    }

    private static func checkTemplates(_ config: GatewayConfig, into report: inout ConfigCheckReport) {
        do {
            let templates = try TemplateSet.load(directory: config.templatesDirectory, languages: config.languages, timeZone: config.calendar.timeZone)
            report.add(.ok, "templates: \(templates.languages.joined(separator: ", ")) — \(TemplateName.allCases.count) each, in \(config.templatesDirectory)")
            for warning in templates.warnings {
                report.add(.warning, warning)
            }
        } catch {
            report.add(.error, error.description)
        }
    }

    /// The database's directory must exist; other directories are created when missing.
    private static func checkDirectories(_ config: GatewayConfig, into report: inout ConfigCheckReport) {
        let databaseDirectory = URL(fileURLWithPath: config.database).deletingLastPathComponent().path
        if !isDirectory(databaseDirectory) {
            report.add(.error, "\(config.configFile): database directory \(databaseDirectory) does not exist: create it, owned by the user running buzon")
        }
        if !isDirectory(config.attachmentsDirectory) {
            report.add(.warning, "attachments directory \(config.attachmentsDirectory) does not exist yet: buzon will create it")
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) \(n == 1 ? singular : plural)"
    }
}
