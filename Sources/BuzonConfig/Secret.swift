import Foundation

/// A password or token named by the configuration, read only when needed.
///
/// Why lazy: `check-config` must be able to load a configuration whose secret files live on
/// the production host only and report each unreadable one as an error naming its key; the
/// daemon resolves at start-up and, for OAuth tokens that are refreshed on disk, at each login.
///
/// Contract: `description`, `debugDescription` and reflection never contain the secret itself
/// (`<from file /etc/buzon/imap.pass>`), so a logged or dumped configuration leaks nothing.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Prints like the secret (never the inline value itself).
    public enum Source: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
        /// Contents of this file, trailing line breaks removed.
        case file(path: String)
        /// Value of this environment variable.
        case environment(variable: String)
        /// Written in the configuration file itself (allowed, with a warning).
        case inline(String)

        public var description: String {
            switch self {
            case .file(let path): "<from file \(path)>"
            case .environment(let variable): "<from environment \(variable)>"
            case .inline: "<inline>"
            }
        }

        public var debugDescription: String { description }
    }

    public let source: Source
    /// Where the operator named the secret, for errors: file, line and key.
    public let configFile: String
    public let line: Int
    public let key: String

    public init(_ source: Source, configFile: String, line: Int, key: String) {
        self.source = source
        self.configFile = configFile
        self.line = line
        self.key = key
    }

    /// The secret's value. Throws a `ConfigError` at the key's line when the file cannot be
    /// read, is not UTF-8 or is empty, or the variable is unset or empty.
    public func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> String {
        let value: String
        switch source {
        case .inline(let inline):
            value = inline
        case .environment(let variable):
            guard let fromEnvironment = environment[variable] else {
                throw failure("environment variable \(variable) is not set: export it in the service's environment (systemd: Environment= or EnvironmentFile=)")
            }
            value = fromEnvironment
        case .file(let path):
            value = try readFile(path)
        }
        guard !value.isEmpty else {
            throw failure("\(self) is empty: put the \(key.hasPrefix("xoauth2") ? "token" : "password") there")
        }
        return value
    }

    private func readFile(_ path: String) throws(ConfigError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw failure("cannot read \(path) named by \(key): create it with the secret on one line, readable only by the user running buzon (chmod 600)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw failure("\(path) named by \(key) is not UTF-8 text")
        }
        // By scalars: "\r\n" is one Character, which hasSuffix("\n") would not see.
        var scalars = text.unicodeScalars
        while let last = scalars.last, last == "\n" || last == "\r" {
            scalars.removeLast()
        }
        return String(scalars)
    }

    private func failure(_ message: String) -> ConfigError {
        ConfigError(file: configFile, line: line, message: message)
    }

    public var description: String {
        if case .inline = source {
            return "<inline in \(configFile)>"
        }
        return source.description
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["source": description], displayStyle: .struct)
    }
}
