import Foundation

/// Typed, located reads from one section of the configuration file.
///
/// Every accessor returns nil for an absent key and throws a `ConfigError` pointing at the
/// value's line when the value has the wrong type or is out of range. Unknown keys are
/// rejected when the section is opened, so a typo never silently falls back to a default.
struct ConfigSection {
    let file: String
    /// `[gateway]` or `[[mailbox]]`, as the operator wrote the header.
    let title: String
    /// Line of the header; nil when the section is absent from the file.
    let headerLine: Int?
    let table: TOMLTable
    /// Directory of the configuration file: relative paths are resolved against it.
    let baseDirectory: String

    init(_ section: TOMLDocument.Section?, title: String, file: String, baseDirectory: String,
         knownKeys: [String]) throws(ConfigError) {
        self.file = file
        self.title = title
        self.headerLine = section?.line
        self.table = section?.table ?? TOMLTable()
        self.baseDirectory = baseDirectory
        for entry in table.entries where !knownKeys.contains(entry.key) {
            // A likely typo gets one suggestion; otherwise the whole list helps more.
            let advice = EditDistance.suggestion(for: entry.key, among: knownKeys).map { " (did you mean \"\($0)\"?)" }
                ?? "; known keys: \(knownKeys.joined(separator: ", "))"
            throw error("unknown key \"\(entry.key)\" in \(title)\(advice)", line: entry.keyLine)
        }
    }

    func error(_ message: String, line: Int?) -> ConfigError {
        ConfigError(file: file, line: line, message: message)
    }

    /// An error about the value of `key`, on the value's line.
    func error(_ message: String, key: String) -> ConfigError {
        error(message, line: table[key]?.value.line ?? headerLine)
    }

    func line(of key: String) -> Int? {
        table[key]?.value.line
    }

    func contains(_ key: String) -> Bool {
        table[key] != nil
    }

    private func typeError(_ key: String, expected: String, example: String) -> ConfigError {
        let value = table[key]!.value
        return error("\"\(key)\" must be \(expected), found \(value.typeName): write \(key) = \(example)", key: key)
    }

    func string(_ key: String) throws(ConfigError) -> String? {
        guard let value = table[key]?.value else { return nil }
        guard case .string(let string) = value.kind else {
            throw typeError(key, expected: "a string", example: "\"…\"")
        }
        return string
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let value = table[key]?.value else { return nil }
        guard case .integer(let integer) = value.kind else {
            throw typeError(key, expected: "an integer", example: "\(range.lowerBound)")
        }
        guard range.contains(integer) else {
            throw error("\"\(key)\" must be between \(range.lowerBound) and \(range.upperBound), found \(integer)", key: key)
        }
        return integer
    }

    func boolean(_ key: String) throws(ConfigError) -> Bool? {
        guard let value = table[key]?.value else { return nil }
        guard case .boolean(let boolean) = value.kind else {
            throw typeError(key, expected: "true or false", example: "true")
        }
        return boolean
    }

    /// A list of strings, each with its own line (an array may span lines).
    func strings(_ key: String) throws(ConfigError) -> [(value: String, line: Int)]? {
        guard let value = table[key]?.value else { return nil }
        guard case .array(let elements) = value.kind else {
            throw typeError(key, expected: "an array of strings", example: "[\"…\", \"…\"]")
        }
        var result: [(value: String, line: Int)] = []
        for element in elements {
            guard case .string(let string) = element.kind else {
                throw error("\"\(key)\" must be an array of strings, found \(element.typeName) elements: quote them", line: element.line)
            }
            result.append((string, element.line))
        }
        return result
    }

    /// A string that must be one of `choices`.
    func choice(_ key: String, among choices: [String]) throws(ConfigError) -> String? {
        guard let string = try string(key) else { return nil }
        guard choices.contains(string) else {
            let hint = EditDistance.hint(for: string, among: choices)
            throw error("\"\(key)\" must be one of \(choices.map { "\"\($0)\"" }.joined(separator: ", ")), found \"\(string)\"\(hint)", key: key)
        }
        return string
    }

    /// A non-empty string.
    func text(_ key: String) throws(ConfigError) -> String? {
        guard let string = try string(key) else { return nil }
        guard !string.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw error("\"\(key)\" must not be empty", key: key)
        }
        return string
    }

    /// A path; relative paths are resolved against the configuration file's directory.
    func path(_ key: String) throws(ConfigError) -> String? {
        guard let path = try text(key) else { return nil }
        return resolve(path)
    }

    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") {
            return path
        }
        return URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).standardizedFileURL.path
    }

    func required<T>(_ value: T?, _ key: String, example: String) throws(ConfigError) -> T {
        guard let value else {
            throw error("missing required key \"\(key)\" in \(title): add \(key) = \(example)", line: headerLine)
        }
        return value
    }
}
