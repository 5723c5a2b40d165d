/// `buzon help [COMMAND…]`: the overview, or one command's help (the same as `--help`).
enum HelpCommand: BuzonCommand {
    static let spec = CommandSpec(
        words: ["help"], section: .other, summary: "this text; with a command, its options and an example",
        operands: [OperandSpec(placeholder: "COMMAND", kind: .text, help: "a command, e.g. close or tickets list",
                               isRequired: false, isRepeatable: true)],
        examples: ["help tickets list"])

    static func run(_ arguments: Arguments) throws -> Int32 {
        guard !arguments.operands.isEmpty else {
            print(BuzonCommandLine.overview)
            return ExitCode.ok
        }
        switch BuzonCommandLine.resolve(arguments.operands) {
        case .command(let command, let rest) where rest.isEmpty:
            print(CommandHelp.text(command.spec))
        case .group(let word, let members, let rest) where rest.isEmpty:
            print(CommandHelp.group(word, members))
        default:
            throw Arguments.UsageError(description: "unknown command '\(arguments.operands.joined(separator: " "))'")
        }
        return ExitCode.ok
    }
}
