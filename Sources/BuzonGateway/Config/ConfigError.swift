/// A mistake in an operator-edited file (configuration or template), located so the operator
/// can go straight to it: `buzon.toml:12: expected '=' after key "poll_seconds"`.
///
/// Contract: `message` says what is wrong *and* what to do about it; `line` is the 1-based
/// line the mistake is on (the value's line for a wrong value, the key's line for an
/// unknown key), nil when the problem concerns the whole file (a missing file or template).
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path as the operator gave it (or as resolved from the configuration file).
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, the form editors and `grep -n` users recognize.
    public var description: String {
        if let line {
            return "\(file):\(line): \(message)"
        }
        return "\(file): \(message)"
    }
}
