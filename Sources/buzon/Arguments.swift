/// The arguments of one command, read against its declaration (`CommandSpec`).
///
/// Accepted forms: `--name value`, `--name=value`, `--flag`, operands, `-` (standard input, an
/// operand), `--` (everything after it is an operand), `-h`/`--help` anywhere before `--`.
/// Contract: whatever the declaration can check is checked here, before any configuration
/// is read — an option the command does not declare (its own options are named in the error),
/// a missing required option or operand, an extra operand, a number that is not one, a word
/// outside its choices, two options that exclude each other — so a mistyped command changes
/// nothing and says what the command takes.
struct Arguments {
    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    let spec: CommandSpec
    private(set) var operands: [String] = []
    /// True when `--help` or `-h` was given: print the help, do nothing else (nothing else is checked).
    private(set) var helpRequested = false
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    init(_ arguments: [String], spec: CommandSpec) throws(UsageError) {
        self.spec = spec
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                operands.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "--help" || argument == "-h" {
                helpRequested = true
                return
            }
            var name = String(argument.dropFirst(argument.hasPrefix("--") ? 2 : 1))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard argument.hasPrefix("--"), let option = spec.option(named: name) else {
                let given = argument.hasPrefix("--") ? "--" + name : argument
                throw UsageError(description: "unknown option '\(given)' (\(ownOptions))")
            }
            if option.isFlag {
                guard inlineValue == nil else { throw UsageError(description: "--\(name) takes no value") }
                flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else { throw UsageError(description: "--\(name) needs a value: --\(name) \(option.placeholder ?? "")") }
                value = arguments[index]
                index += 1
            }
            try Self.check(value, kind: option.kind, naming: "--\(name)")
            if option.isRepeatable { values[name, default: []].append(value) } else { values[name] = [value] }
        }
        try checkComplete()
    }

    /// Required options and operands, the operand count and kinds, exclusive options.
    private func checkComplete() throws(UsageError) {
        for option in spec.options where option.isRequired && values[option.name] == nil {
            throw UsageError(description: "--\(option.name) \(option.placeholder ?? "") is required (\(option.help))")
        }
        for group in spec.exclusive {
            let given = group.filter { flags.contains($0) || values[$0] != nil }
            if given.count > 1 {
                throw UsageError(description: given.map { "--\($0)" }.joined(separator: " and ") + " cannot be combined")
            }
        }
        for (position, operand) in spec.operands.enumerated() where operand.isRequired && operands.count <= position {
            throw UsageError(description: "missing \(operand.placeholder) (\(operand.help))")
        }
        if operands.count > spec.operands.count, spec.operands.last?.isRepeatable != true {
            let takes = spec.operands.isEmpty ? "no arguments" : spec.operands.map(\.placeholder).joined(separator: " ")
            throw UsageError(description: "unexpected argument '\(operands[spec.operands.count])' (buzon \(spec.name) takes \(takes))")
        }
        for (position, value) in operands.enumerated() {
            let operand = spec.operands[min(position, spec.operands.count - 1)]
            try Self.check(value, kind: operand.kind, naming: operand.placeholder)
        }
    }

    private static func check(_ value: String, kind: ValueKind, naming name: String) throws(UsageError) {
        switch kind {
        case .text, .file:
            return
        case .number:
            guard Int(value) != nil else { throw UsageError(description: "\(name) expects a whole number, got '\(value)'") }
        case .choice(let words):
            guard words.contains(value) else {
                throw UsageError(description: "\(name) must be one of \(words.joined(separator: ", ")) (got '\(value)')")
            }
        }
    }

    /// "buzon close takes --by WHO, --config FILE, --help".
    private var ownOptions: String {
        let names = spec.options.map { option in "--\(option.name)" + (option.placeholder.map { " \($0)" } ?? "") } + ["--help"]
        return "buzon \(spec.name) takes " + names.joined(separator: ", ")
    }

    // MARK: Reading what was given

    /// The first operand (the ticket, the file, the id).
    var operand: String? { operands.first }

    func value(_ name: String) -> String? { declared(name) ? values[name]?.last : nil }
    func allValues(_ name: String) -> [String] { declared(name) ? values[name] ?? [] : [] }
    func flag(_ name: String) -> Bool { declared(name) && flags.contains(name) }

    /// A required option's value: parsing already refused a command line without it.
    func required(_ name: String) -> String {
        assert(spec.option(named: name)?.isRequired == true, "buzon \(spec.name): --\(name) is not declared required")
        return value(name) ?? ""
    }

    /// A `.number` option's value (already checked to be one).
    func integer(_ name: String) -> Int? { value(name).flatMap { Int($0) } }

    /// The first operand as an id, for commands whose operand is declared `.number`.
    func id() throws(UsageError) -> Int64 {
        guard let text = operand, let id = Int64(text) else {
            throw UsageError(description: "missing \(spec.operands.first?.placeholder ?? "ID")")
        }
        return id
    }

    /// Reading an option the command does not declare is a programming error: the help would
    /// not show it and parsing would reject it.
    private func declared(_ name: String) -> Bool {
        assert(spec.option(named: name) != nil, "buzon \(spec.name) reads undeclared option --\(name)")
        return true
    }
}
