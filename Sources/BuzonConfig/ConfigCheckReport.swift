/// What `buzon check-config` found, line by line.
public struct ConfigCheckReport: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case ok, warning, error
    }

    public struct Finding: Sendable, Hashable {
        public var severity: Severity
        public var text: String

        public init(_ severity: Severity, _ text: String) {
            self.severity = severity
            self.text = text
        }
    }

    public var findings: [Finding] = []

    public init(findings: [Finding] = []) {
        self.findings = findings
    }

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
    public var errors: [String] { findings.filter { $0.severity == .error }.map(\.text) }
    public var warnings: [String] { findings.filter { $0.severity == .warning }.map(\.text) }

    /// One finding per line, `ok`/`warning`/`error` first, then a verdict line.
    public var rendered: String {
        var lines = findings.map { finding in
            let label = switch finding.severity {
            case .ok: "ok      "
            case .warning: "warning "
            case .error: "error   "
            }
            return label + finding.text
        }
        let errorCount = errors.count, warningCount = warnings.count
        lines.append(hasErrors
            ? "configuration NOT usable: \(errorCount) error\(errorCount == 1 ? "" : "s"), \(warningCount) warning\(warningCount == 1 ? "" : "s")"
            : "configuration usable" + (warningCount > 0 ? " (\(warningCount) warning\(warningCount == 1 ? "" : "s"))" : ""))
        return lines.joined(separator: "\n") + "\n"
    }

    mutating func add(_ severity: Severity, _ text: String) {
        findings.append(Finding(severity, text))
    }
}
