/// The declaration of one `buzon` command: its words, arguments, options, help and example.
///
/// Why one declaration: the same value parses the command line (`Arguments`), prints
/// `buzon COMMAND --help` and `buzon help COMMAND` (`CommandHelp`), lists the command in
/// `buzon help`, and is meant to generate the man page and bash completion later: an option a
/// command does not declare is rejected, and an option it declares cannot be missing from its
/// help. Everything here is plain data (no closures) so a generator can walk it: value kinds
/// say what a completion offers (files, a fixed list of words, nothing).
struct CommandSpec: Sendable {
    /// Where `buzon help` lists the command.
    enum Section: String, Sendable, CaseIterable {
        case gateway = "the gateway"
        case desk = "the desk"
        case database = "the database"
        case other = "about buzon"
    }

    /// The words after `buzon`: `["close"]`, `["tickets", "list"]`.
    var words: [String]
    var section: Section
    /// One line for `buzon help`'s overview.
    var summary: String
    /// Positional arguments in order; only the last may repeat.
    var operands: [OperandSpec] = []
    var options: [OptionSpec] = []
    /// Options of which at most one may be given (`parse [--json | --summary]`).
    var exclusive: [[String]] = []
    /// What the command does and promises, a few sentences for `--help` (empty: the summary).
    var details: String = ""
    /// Command lines a reader can copy, without the leading `buzon`.
    var examples: [String]
    /// True for `deliver`: every failure, a usage error included, exits 75 (EX_TEMPFAIL) so the
    /// MTA keeps the customer's mail and retries, instead of 64/78 that Postfix bounces.
    var isMailPipe = false

    /// `tickets list`.
    var name: String { words.joined(separator: " ") }

    func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }
}

/// What a value on the command line is, for checking it and for completion.
enum ValueKind: Sendable, Equatable {
    /// Free text (a name, an address, words).
    case text
    /// A whole number; checked while parsing.
    case number
    /// A path; completion offers files.
    case file
    /// One of these words; checked while parsing, offered by completion.
    case choice([String])
}

/// One `--name` option: a flag when `placeholder` is nil, else it takes a value.
struct OptionSpec: Sendable {
    var name: String
    /// `FILE`, `NAME`, `N`; nil for a flag.
    var placeholder: String?
    var kind: ValueKind
    var help: String
    /// Parsing fails, printing the command's usage, when a required option is missing.
    var isRequired = false
    /// Given more than once, every value is kept (`--attach A --attach B`); otherwise the last wins.
    var isRepeatable = false

    var isFlag: Bool { placeholder == nil }

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, placeholder: nil, kind: .text, help: help)
    }

    static func value(_ name: String, _ placeholder: String, _ kind: ValueKind, _ help: String,
                      required: Bool = false, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(name: name, placeholder: placeholder, kind: kind, help: help, isRequired: required, isRepeatable: repeatable)
    }

    /// A free-text value.
    static func value(_ name: String, _ placeholder: String, _ help: String,
                      required: Bool = false, repeatable: Bool = false) -> OptionSpec {
        value(name, placeholder, .text, help, required: required, repeatable: repeatable)
    }

    /// `--config FILE`: every command that reads the configuration declares it.
    static let config = value("config", "FILE", .file,
                              "the configuration (default: $BUZON_CONFIG, else /etc/buzon/buzon.toml)")
    /// `--json`: the English-keyed form scripts read instead of the table for people.
    static let json = flag("json", "JSON for scripts instead of a table")
    /// `--by WHO`: who did a desk action, for the ticket's timeline.
    static let by = value("by", "WHO", "who did it, recorded on the ticket's timeline")
}

/// One positional argument.
struct OperandSpec: Sendable {
    /// `TICKET`, `FILE`, `ID`.
    var placeholder: String
    var kind: ValueKind
    var help: String
    var isRequired = true
    /// Takes every remaining positional argument (`FILE…`).
    var isRepeatable = false

    /// The ticket number every desk command starts with.
    static let ticket = OperandSpec(placeholder: "TICKET", kind: .text, help: "the ticket number, e.g. OP10044")
}

/// A command `buzon` runs: its declaration, and its work once the arguments were parsed against it.
///
/// `run` may throw anything: `CommandFailure` prints it and picks the exit status.
protocol BuzonCommand: Sendable {
    static var spec: CommandSpec { get }
    static func run(_ arguments: Arguments) throws -> Int32
}
