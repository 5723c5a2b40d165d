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
    /// Further independent mistakes found in the same run (other sections, other templates),
    /// nearest the top first. `description` shows only this one, as a first fix; `buzon
    /// check-config` lists them all so the operator fixes everything in one round.
    public var others: [ConfigError] = []

    public init(file: String, line: Int?, message: String, others: [ConfigError] = []) {
        self.file = file
        self.line = line
        self.message = message
        self.others = others
    }

    /// This error and every other one found with it.
    public var all: [ConfigError] {
        var first = self
        first.others = []
        return [first] + others
    }

    /// `file:line: message`, the form editors and `grep -n` users recognize.
    public var description: String {
        if let line {
            return "\(file):\(line): \(message)"
        }
        return "\(file): \(message)"
    }
}
