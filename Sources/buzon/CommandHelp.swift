/// The texts people read about commands, all written from the declarations (`CommandSpec`):
/// the one-line usage printed with a usage error, `buzon COMMAND --help` (= `buzon help
/// COMMAND`), a group's list (`buzon tickets --help`) and the overview (`buzon help`).
/// Nothing here is written by hand per command, so help cannot disagree with parsing.
enum CommandHelp {
    static let width = 100
    static let column = 34

    /// `close TICKET [--by WHO] [--config FILE]`: operands, then options in declared order,
    /// options that exclude each other as one `[--a | --b]`. The overview leaves out `--config`.
    static func synopsis(_ spec: CommandSpec, withConfig: Bool = true) -> String {
        var parts = spec.words
        for operand in spec.operands {
            let word = operand.placeholder + (operand.isRepeatable ? "…" : "")
            parts.append(operand.isRequired ? word : "[\(word)]")
        }
        var written: Set<String> = []
        for option in spec.options where !written.contains(option.name) && (withConfig || option.name != "config") {
            if let group = spec.exclusive.first(where: { $0.contains(option.name) }) {
                let members = group.compactMap(spec.option(named:))
                parts.append("[" + members.map(form).joined(separator: " | ") + "]")
                written.formUnion(group)
            } else {
                let word = form(option)
                parts.append(option.isRequired ? word : "[\(word)]" + (option.isRepeatable ? "…" : ""))
                written.insert(option.name)
            }
        }
        return parts.joined(separator: " ")
    }

    /// `usage: buzon close TICKET [--by WHO] [--config FILE]`, printed with every usage error.
    static func usage(_ spec: CommandSpec) -> String {
        "usage: buzon " + synopsis(spec)
    }

    /// `buzon COMMAND --help`: usage, what it does, its arguments and options, examples.
    static func text(_ spec: CommandSpec) -> String {
        var lines = [usage(spec), ""]
        lines += wrap(spec.details.isEmpty ? spec.summary.prefix(1).uppercased() + spec.summary.dropFirst() + "." : spec.details,
                      indent: "")
        if !spec.operands.isEmpty {
            lines += ["", "arguments:"]
            lines += spec.operands.map { row($0.placeholder + ($0.isRepeatable ? "…" : ""), $0.help + choices($0.kind)) }
        }
        lines += ["", "options:"]
        lines += spec.options.map { row(form($0), $0.help + choices($0.kind) + ($0.isRepeatable ? " (may be repeated)" : "")) }
        lines.append(row("-h, --help", "this help"))
        lines += ["", spec.examples.count == 1 ? "example:" : "examples:"]
        lines += spec.examples.map { "  buzon " + $0 }
        return lines.joined(separator: "\n")
    }

    /// `buzon tickets --help`: the group's commands, each with its synopsis and summary.
    static func group(_ word: String, _ specs: [CommandSpec]) -> String {
        var lines = ["usage: buzon \(word) " + specs.map { $0.words.dropFirst().joined(separator: " ") }.joined(separator: "|")
                     + " …", ""]
        for spec in specs { lines += entry(spec) }
        lines += ["", "buzon help \(word) COMMAND (or buzon \(word) COMMAND --help): its options and an example"]
        return lines.joined(separator: "\n")
    }

    /// `buzon help`: every command by section.
    static func overview(_ specs: [CommandSpec], version: String) -> String {
        var lines = ["buzon \(version): e-mail to tickets",
                     "usage: buzon COMMAND [options]        (--config FILE, or $BUZON_CONFIG, or /etc/buzon/buzon.toml)"]
        for section in CommandSpec.Section.allCases {
            let members = specs.filter { $0.section == section }
            guard !members.isEmpty else { continue }
            lines += ["", section.rawValue]
            for spec in members { lines += entry(spec) }
        }
        lines += ["", "buzon help COMMAND (or buzon COMMAND --help): its options and an example; buzon --version: the version"]
        return lines.joined(separator: "\n")
    }

    // MARK: Pieces

    private static func form(_ option: OptionSpec) -> String {
        "--" + option.name + (option.placeholder.map { " " + $0 } ?? "")
    }

    private static func choices(_ kind: ValueKind) -> String {
        guard case .choice(let words) = kind else { return "" }
        return " (one of: " + words.joined(separator: ", ") + ")"
    }

    /// A synopsis and its summary on one line, or on two when the synopsis is long.
    private static func entry(_ spec: CommandSpec) -> [String] {
        let left = "  " + synopsis(spec, withConfig: false)
        if left.count < column - 1 { return [left.padding(column) + spec.summary] }
        return [left] + wrap(spec.summary, indent: String(repeating: " ", count: column))
    }

    private static func row(_ left: String, _ help: String) -> String {
        let name = "  " + left
        let indent = String(repeating: " ", count: 22)
        let body = wrap(help, indent: indent)
        if name.count < indent.count - 1 {
            return ([name.padding(indent.count) + body[0].dropFirst(indent.count)] + body.dropFirst()).joined(separator: "\n")
        }
        return ([name] + body).joined(separator: "\n")
    }

    /// Words wrapped at `width`, each line starting with `indent`.
    static func wrap(_ text: String, indent: String) -> [String] {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            if line.count > indent.count, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        lines.append(line)
        return lines
    }
}

private extension String {
    func padding(_ length: Int) -> String {
        count >= length ? self + " " : self + String(repeating: " ", count: length - count)
    }
}
