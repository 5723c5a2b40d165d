import Foundation

/// One logfmt line per event on standard error (`level=info event=ticket.created mailbox=soporte …`).
///
/// Passed in, never global: tests hand in a `Logger` with a capturing sink and assert on
/// the fields, the daemon hands in one that writes to stderr.
public struct Logger: Sendable {
    public enum Level: Int, Sendable, Comparable, CaseIterable {
        case debug, info, warning, error

        public var name: String {
            switch self {
            case .debug: "debug"
            case .info: "info"
            case .warning: "warn"
            case .error: "error"
            }
        }

        public init?(name: String) {
            guard let level = Level.allCases.first(where: { $0.name == name || "\($0)" == name }) else { return nil }
            self = level
        }

        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    public typealias Sink = @Sendable (String) -> Void

    public var minimumLevel: Level
    /// Fields added to every line (e.g. `mailbox=soporte` for a poller's logger).
    public var context: [(String, String)]
    private let sink: Sink
    private let clock: @Sendable () -> Date

    public init(minimumLevel: Level = .info, clock: @escaping @Sendable () -> Date = Date.init,
                sink: @escaping Sink = Logger.standardError) {
        self.minimumLevel = minimumLevel
        self.context = []
        self.sink = sink
        self.clock = clock
    }

    public static let standardError: Sink = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// A logger that adds `fields` to every line it writes.
    public func with(_ fields: (String, String)...) -> Logger {
        var copy = self
        copy.context.append(contentsOf: fields)
        return copy
    }

    public func log(_ level: Level, _ event: String, _ fields: [(String, String?)] = []) {
        guard level >= minimumLevel else { return }
        var line = "ts=\(Logger.timestamp(clock())) level=\(level.name) event=\(Logger.quote(event))"
        for (key, value) in context { line += " \(key)=\(Logger.quote(value))" }
        for (key, value) in fields {
            guard let value else { continue }
            line += " \(key)=\(Logger.quote(value))"
        }
        sink(line)
    }

    public func debug(_ event: String, _ fields: [(String, String?)] = []) { log(.debug, event, fields) }
    public func info(_ event: String, _ fields: [(String, String?)] = []) { log(.info, event, fields) }
    public func warning(_ event: String, _ fields: [(String, String?)] = []) { log(.warning, event, fields) }
    public func error(_ event: String, _ fields: [(String, String?)] = []) { log(.error, event, fields) }

    /// logfmt quoting: bare when the value is a simple token, otherwise double-quoted with
    /// `"` and `\` escaped and control characters shown as escapes, so a hostile subject
    /// can never forge a second log line.
    static func quote(_ value: String) -> String {
        let simple = !value.isEmpty && value.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value < 0x7f && scalar != "\"" && scalar != "=" && scalar != "\\"
        }
        if simple { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func timestamp(_ date: Date) -> String { ISO8601.string(from: date) }
}
