import Foundation
import BuzonTransport

/// Reads of mail-specific values: addresses, server URLs, secrets.
extension ConfigSection {
    /// `local@domain`, no spaces, one `@`, a domain of letters, digits, `-` and `.`.
    /// Deliberately simple: the configuration names real mailboxes, not exotic RFC 5322 forms.
    static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        guard !parts[0].contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," }) else { return false }
        return isDomain(parts[1])
    }

    static func isDomain(_ text: Substring) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return !text.isEmpty && labels.allSatisfy { label in
            !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// An address, normalized (lower-cased, trimmed).
    func address(_ key: String) throws(ConfigError) -> String? {
        guard let text = try string(key) else { return nil }
        let normalized = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard Self.isAddress(normalized) else {
            throw error("\"\(key)\" must be an e-mail address like soporte@empresa.com, found \"\(text)\"", key: key)
        }
        return normalized
    }

    /// A list whose entries are each an address or `@domain`, normalized.
    func addressesOrDomains(_ key: String, allowDomains: Bool) throws(ConfigError) -> [String]? {
        guard let entries = try strings(key) else { return nil }
        var result: [String] = []
        for entry in entries {
            let normalized = entry.value.trimmingCharacters(in: .whitespaces).lowercased()
            let isDomain = allowDomains && normalized.hasPrefix("@") && Self.isDomain(normalized.dropFirst())
            guard isDomain || Self.isAddress(normalized) else {
                let expected = allowDomains ? "an address (ana@andina.cl) or a whole domain (@andina.cl)" : "an address (ana@empresa.com)"
                throw error("\"\(entry.value)\" in \(key) is not \(expected)", line: entry.line)
            }
            result.append(normalized)
        }
        return result
    }

    func serverURL(_ key: String, schemes: [String]) throws(ConfigError) -> ServerURL? {
        guard let text = try string(key) else { return nil }
        do {
            return try ServerURL(parsing: text, schemes: schemes)
        } catch let failure {
            throw error("\"\(key)\": \(failure.message)", key: key)
        }
    }

    /// At most one of `<prefix>_file`, `<prefix>_env` and `<prefix>` (inline) may be set.
    func secret(_ prefix: String) throws(ConfigError) -> Secret? {
        let keys = ["\(prefix)_file", "\(prefix)_env", prefix].filter(contains)
        guard keys.count <= 1 else {
            let lastWritten = keys.max { (line(of: $0) ?? 0) < (line(of: $1) ?? 0) }!
            throw error("set only one of \(keys.joined(separator: ", ")) in \(title)", key: lastWritten)
        }
        guard let key = keys.first, let value = try text(key), let line = line(of: key) else { return nil }
        let source: Secret.Source = switch key {
        case "\(prefix)_file": .file(path: resolve(value))
        case "\(prefix)_env": .environment(variable: value)
        default: .inline(value)
        }
        return Secret(source, configFile: file, line: line, key: key)
    }
}
