import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `buzon check-config`: everything the daemon would refuse at start-up, found beforehand.
///
/// Loads the configuration, reads every secret (without printing it), loads the templates of
/// every configured language and checks the directories the daemon writes to (by writing a
/// file in them, as the user running the check) and the database's schema. Reports every
/// problem in one run: each section's first error, every template's, every secret's.
///
/// The database's schema is read through `SchemaProbe`, handed in by the store's side (the
/// gateway's `ConfigCheck.run(configPath:environment:)`), so the configuration module knows
/// nothing of the store.
public enum ConfigCheck {
    /// What the check needs to know about the database: the schema version this Buzón writes,
    /// and the version of an existing file (nil when there is no database yet; throws when the
    /// file cannot be read or is not Buzón's).
    public struct SchemaProbe: Sendable {
        public var current: Int
        public var version: @Sendable (_ path: String) throws -> Int?

        public init(current: Int, version: @escaping @Sendable (_ path: String) throws -> Int?) {
            self.current = current
            self.version = version
        }
    }

    public static func run(configPath: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                           schema: SchemaProbe) -> ConfigCheckReport {
        var report = ConfigCheckReport()
        let config: GatewayConfig
        do {
            config = try GatewayConfig.load(path: configPath)
        } catch {
            for each in error.all { report.add(.error, each.description) }
            return report
        }
        report.add(.ok, "configuration \(configPath)")
        summarize(config, into: &report)
        checkSecrets(config, environment: environment, into: &report)
        checkTemplates(config, into: &report)
        checkDirectories(config, into: &report)
        checkDatabase(config, schema: schema, into: &report)
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
        for mailbox in config.mailboxes where mailbox.password == nil && mailbox.xoauth2Token == nil {
            report.add(.error, "\(config.configFile):\(mailbox.line): mailbox \"\(mailbox.name)\" has no credentials: add password_file, password_env, password or xoauth2_token_file (the IMAP login needs one)")
        }
        let secrets = [config.smtp.password] + config.mailboxes.flatMap { [$0.password, $0.xoauth2Token] }
        var readable = 0
        for case let secret? in secrets {
            do {
                _ = try secret.resolve(environment: environment)
                readable += 1
            } catch {
                report.add(.error, error.description)
                continue
            }
            if case .file(let path) = secret.source, let mode = permissions(path), mode & 0o077 != 0 {
                report.add(.warning, "\(secret.configFile):\(secret.line): \(secret.key) \(path) can be read by others (mode \(String(mode, radix: 8))): chmod 600 \(path), owned by the user running buzon")
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
            for each in error.all { report.add(.error, each.description) }
        }
    }

    /// The database's directory must exist; other directories are created when missing. Each
    /// is written to (a file created and removed), as the user running the check: a read-only
    /// mount or a wrong owner shows here, not at the first message.
    private static func checkDirectories(_ config: GatewayConfig, into report: inout ConfigCheckReport) {
        let databaseDirectory = URL(fileURLWithPath: config.database).deletingLastPathComponent().path
        if !isDirectory(databaseDirectory) {
            report.add(.error, "\(config.configFile): database directory \(databaseDirectory) does not exist: create it, owned by the user running buzon")
        } else if let problem = writeProblem(in: databaseDirectory) {
            report.add(.error, "\(config.configFile): database directory \(databaseDirectory) is not writable (\(problem)): SQLite writes its journal beside the database; make it writable by the user running buzon")
        } else if FileManager.default.fileExists(atPath: config.database), let problem = openForWriting(config.database) {
            report.add(.error, "\(config.configFile): database \(config.database) is not writable (\(problem)): make it writable by the user running buzon")
        }
        if !isDirectory(config.attachmentsDirectory) {
            let parent = URL(fileURLWithPath: config.attachmentsDirectory).deletingLastPathComponent().path
            if isDirectory(parent), let problem = writeProblem(in: parent) {
                report.add(.error, "\(config.configFile): attachments directory \(config.attachmentsDirectory) does not exist and cannot be created (\(problem)): create it, writable by the user running buzon")
            } else {
                report.add(.warning, "attachments directory \(config.attachmentsDirectory) does not exist yet: buzon will create it")
            }
        } else if let problem = writeProblem(in: config.attachmentsDirectory) {
            report.add(.error, "\(config.configFile): attachments directory \(config.attachmentsDirectory) is not writable (\(problem)): make it writable by the user running buzon")
        }
    }

    /// A database written by a newer Buzón (refused by every command) or not Buzón's at all.
    private static func checkDatabase(_ config: GatewayConfig, schema: SchemaProbe, into report: inout ConfigCheckReport) {
        let current = schema.current
        do {
            guard let version = try schema.version(config.database) else { return }
            if version > current {
                report.add(.error, "\(config.configFile): database \(config.database) is at schema version \(version), newer than this Buzón's \(current): run the newer Buzón or restore a backup")
            } else if version < current {
                report.add(.warning, "database \(config.database) is at schema version \(version): buzon run (or buzon db migrate) upgrades it to \(current) after writing a backup")
            } else {
                report.add(.ok, "database \(config.database) at schema version \(version)")
            }
        } catch {
            report.add(.error, "\(config.configFile): database \(config.database) cannot be read: \(error)")
        }
    }

    /// nil when a file can be created (and is removed) in `directory`, else why not.
    private static func writeProblem(in directory: String) -> String? {
        let probe = "\(directory)/.buzon-check-\(getpid())"
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        close(descriptor)
        unlink(probe)
        return nil
    }

    private static func openForWriting(_ path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        close(descriptor)
        return nil
    }

    private static func permissions(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? nil
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) \(n == 1 ? singular : plural)"
    }
}
