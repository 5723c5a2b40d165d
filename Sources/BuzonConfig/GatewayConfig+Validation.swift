import BuzonTransport
/// Checks that span sections, and the warnings an operator should read.
extension GatewayConfig {
    func validate(document: TOMLDocument) throws(ConfigError) {
        guard !mailboxes.isEmpty else {
            throw ConfigError(file: configFile, line: nil, message: "no [[mailbox]] configured: add at least one [[mailbox]] with name, url, address and department")
        }
        try checkUnique(mailboxes.map { ($0.name.lowercased(), $0.line) }, what: "mailbox name")
        try checkUnique(mailboxes.map { ($0.address, $0.line) }, what: "mailbox address")
        let organizationLines = document.arrayOfTables("organization").map(\.line)
        try checkUnique(zip(organizations, organizationLines).map { ($0.name.lowercased(), $1) }, what: "organization name")
        let authorized = zip(organizations, organizationLines).flatMap { organization, line in
            organization.authorized.map { ($0, line) }
        }
        try checkUnique(authorized, what: "authorized entry", advice: "an address or domain belongs to one organization")
        let categoryLines = document.arrayOfTables("category").map(\.line)
        try checkUnique(zip(categories, categoryLines).map { ($0.name.lowercased(), $1) }, what: "category name")
    }

    private func checkUnique(_ values: [(value: String, line: Int)], what: String,
                             advice: String = "each must be unique") throws(ConfigError) {
        var firstLine: [String: Int] = [:]
        for (value, line) in values {
            if let earlier = firstLine[value] {
                throw ConfigError(file: configFile, line: line, message: "duplicate \(what) \"\(value)\" (first on line \(earlier)): \(advice)")
            }
            firstLine[value] = line
        }
    }

    func collectWarnings() -> [String] {
        var warnings: [String] = []
        let secrets = [("[smtp]", smtp.password)] + mailboxes.map { ("[[mailbox]] \"\($0.name)\"", $0.password) }
        for case let (title, secret?) in secrets {
            if case .inline = secret.source {
                warnings.append("\(configFile):\(secret.line): \(title) password is written in the configuration file: prefer password_file or password_env and keep the file readable only by buzon")
            }
        }
        if trustedAuthservID == nil {
            warnings.append("sender authenticity is not checked: set trusted_authserv_id in [gateway] to the authserv-id your mail server stamps on Authentication-Results, so forged senders cannot write on a customer's tickets")
        }
        if !smtp.requireTLS, !smtp.url.isLoopback, !smtp.url.usesImplicitTLS {
            warnings.append("[smtp] require_tls = false for \(smtp.url.host): the password and customers' mail may cross the network in plain text")
        }
        for mailbox in mailboxes where !mailbox.requireTLS && !mailbox.url.isLoopback && !mailbox.url.usesImplicitTLS {
            warnings.append("[[mailbox]] \"\(mailbox.name)\" require_tls = false for \(mailbox.url.host): the login may cross the network in plain text")
        }
        return warnings
    }
}
