import Foundation
import BuzonMIME
import BuzonTrim
import BuzonTickets
import BuzonConfig

/// Everything derived from one loaded configuration: the typed config, the desk policy,
/// the validated templates, the trimmer and the decision engine.
///
/// Why one value: SIGHUP reload builds a complete new runtime first and swaps it in only
/// when config and templates both loaded, so a broken edit never leaves the daemon half
/// reconfigured.
public struct GatewayRuntime: Sendable {
    public let config: GatewayConfig
    public let policy: DeskPolicy
    public let templates: TemplateSet
    public let trimmer: ReplyTrimmer
    public let engine: DecisionEngine
    /// Organization lookups for notices and held approvals (built once: it indexes the entries).
    public let authorization: Authorization

    public init(config: GatewayConfig, templates: TemplateSet) {
        self.config = config
        self.policy = config.deskPolicy
        self.templates = templates
        self.trimmer = ReplyTrimmer(markers: config.replyMarkers)
        self.engine = DecisionEngine(policy: config.deskPolicy)
        self.authorization = Authorization(policy: config.deskPolicy)
    }

    /// Loads and validates the configuration file and every template it needs.
    public static func load(configPath: String) throws(ConfigError) -> GatewayRuntime {
        let config = try GatewayConfig.load(path: configPath)
        let templates = try TemplateSet.load(directory: config.templatesDirectory, languages: config.languages,
                                             timeZone: config.calendar.timeZone)
        return GatewayRuntime(config: config, templates: templates)
    }

    /// The mailbox named `name`, or a configuration error naming the closest known one and
    /// listing them all (no line: the mistake is in the caller's `--mailbox`, not in the file).
    public func mailbox(named name: String) throws(ConfigError) -> MailboxConfig {
        if let mailbox = config.mailbox(named: name) { return mailbox }
        let names = config.mailboxes.map(\.name)
        throw ConfigError(file: config.configFile, line: nil,
                          message: "no [[mailbox]] named \"\(name)\"\(EditDistance.hint(for: name, among: names)); "
                              + "known: \(names.joined(separator: ", ")) — fix --mailbox (for Postfix, in master.cf)")
    }

    /// Notice language for an organization (its own, else the gateway's).
    public func language(forOrganization name: String?) -> String {
        guard let name, let organization = config.organizations.first(where: { $0.name == name }) else {
            return config.language
        }
        return organization.language ?? config.language
    }
}
