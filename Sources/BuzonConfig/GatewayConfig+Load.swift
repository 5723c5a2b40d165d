import Foundation
import BuzonTickets

/// Reading the file: sections, then cross-checks, then warnings.
extension GatewayConfig {
    static let tableSections = ["gateway", "business_hours", "smtp"]
    static let arraySections = ["mailbox", "organization", "category"]
    static let maxMessageBytesRange = 1024...Int(Int32.max)

    /// Loads and validates the configuration file at `path`. Relative paths inside it are
    /// resolved against its directory. Secrets are not read (see `Secret.resolve`).
    public static func load(path: String) throws(ConfigError) -> GatewayConfig {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigError(file: path, line: nil, message: "cannot read the configuration file: check the path given with --config, or start from config/buzon.example.toml")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, message: "the configuration file is not UTF-8 text: save it as UTF-8")
        }
        let directory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        return try parse(text, file: path, baseDirectory: directory)
    }

    /// Parses configuration text; `file` is used in messages, `baseDirectory` for relative paths.
    public static func parse(_ text: String, file: String = "buzon.toml",
                             baseDirectory: String = FileManager.default.currentDirectoryPath) throws(ConfigError) -> GatewayConfig {
        let document = try TOMLParser.parse(text, file: file)
        try checkSectionNames(document, file: file)
        func open(_ section: TOMLDocument.Section?, _ title: String, _ keys: [String]) throws(ConfigError) -> ConfigSection {
            try ConfigSection(section, title: title, file: file, baseDirectory: baseDirectory, knownKeys: keys)
        }
        var errors = EarliestError()
        let gateway = errors.attempt { () throws(ConfigError) in try open(document.table("gateway"), "[gateway]", gatewayKeys) }
        // Read again (and reported) by apply(gateway:); mailboxes need it first as their default.
        let maxMessageBytes = ((try? gateway?.integer("max_message_bytes", in: maxMessageBytesRange)) ?? nil) ?? 26_214_400
        if document.table("smtp") == nil {
            errors.record(ConfigError(file: file, line: nil, message: "missing [smtp] section: add [smtp] with at least from = \"soporte@empresa.com\""))
        }
        let smtp = errors.attempt { () throws(ConfigError) in try SMTPConfig(section: open(document.table("smtp"), "[smtp]", SMTPConfig.keys)) }
        let mailboxes = document.arrayOfTables("mailbox").map { section in
            errors.attempt { () throws(ConfigError) in
                try MailboxConfig(section: open(section, "[[mailbox]]", MailboxConfig.keys), defaultMaxMessageBytes: maxMessageBytes)
            }
        }
        let calendar = errors.attempt { () throws(ConfigError) in
            try BusinessCalendar(section: open(document.table("business_hours"), "[business_hours]", BusinessCalendar.configKeys))
        }
        let categories = document.arrayOfTables("category").map { section in
            errors.attempt { () throws(ConfigError) in try CategoryRule(section: open(section, "[[category]]", CategoryRule.configKeys)) }
        }
        let organizations = document.arrayOfTables("organization").map { section in
            errors.attempt { () throws(ConfigError) in
                try Organization(section: open(section, "[[organization]]", Organization.configKeys), languages: supportedLanguages)
            }
        }
        // [gateway] is applied to a stand-in for the sections that failed, so its errors compete too.
        var config = GatewayConfig(configFile: file, smtp: smtp ?? SMTPConfig(from: ""), mailboxes: mailboxes.compactMap { $0 })
        if let gateway {
            errors.attempt { () throws(ConfigError) in try config.apply(gateway: gateway) }
        }
        try errors.throwIfAny()
        guard let calendar else { preconditionFailure("[business_hours] failed without an error") }
        config.calendar = calendar
        if !categories.isEmpty {
            config.categories = categories.compactMap { $0 }
        }
        config.organizations = organizations.compactMap { $0 }
        try config.validate(document: document)
        config.warnings = config.collectWarnings()
        return config
    }

    /// Keys outside any section and unknown or mis-bracketed section names.
    private static func checkSectionNames(_ document: TOMLDocument, file: String) throws(ConfigError) {
        if let entry = document.root.entries.first {
            let hint = EditDistance.hint(for: entry.key, among: gatewayKeys)
            throw ConfigError(file: file, line: entry.keyLine, message: "key \"\(entry.key)\" is outside any section\(hint): put it under [gateway] or the section it belongs to")
        }
        for section in document.sections {
            let name = section.name
            if section.isArrayElement, tableSections.contains(name) {
                throw ConfigError(file: file, line: section.line, message: "[[\(name)]] must be written [\(name)]: there is only one")
            }
            if !section.isArrayElement, arraySections.contains(name) {
                throw ConfigError(file: file, line: section.line, message: "[\(name)] must be written [[\(name)]]: each one adds a \(name)")
            }
            if !tableSections.contains(name), !arraySections.contains(name) {
                let hint = EditDistance.hint(for: name, among: tableSections + arraySections)
                let known = tableSections.map { "[\($0)]" } + arraySections.map { "[[\($0)]]" }
                throw ConfigError(file: file, line: section.line, message: "unknown section [\(name)]\(hint); known sections: \(known.joined(separator: ", "))")
            }
        }
    }
}
