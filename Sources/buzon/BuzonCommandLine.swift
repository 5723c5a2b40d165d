import Foundation

/// Finds the command `buzon …` names, parses its arguments against its declaration and runs it.
///
/// Contract: arguments are parsed before anything else happens, so a usage error (status 64,
/// the command's usage printed; 75 for `deliver`, see `CommandSpec.isMailPipe`) never reads
/// the configuration nor opens the database; `--help` and `buzon help COMMAND` print the same
/// text and exit 0; every failure goes through `CommandFailure`, which picks the exit status.
enum BuzonCommandLine {
    /// What `buzon --version` prints: the one place the version is written.
    static let version = "0.4.0"

    /// Every command, in the order `buzon help` lists them. A generator of the man page or of
    /// bash completion walks this list and the declarations it reaches.
    static let commands: [any BuzonCommand.Type] = [
        RunCommand.self, DeliverCommand.self, CheckConfigCommand.self,
        TemplatesCommand.List.self, TemplatesCommand.Render.self, ExplainCommand.self,
        DeadLetterCommand.List.self, DeadLetterCommand.Retry.self, ParseCommand.self,
        TicketsCommand.List.self, TicketsCommand.Show.self, TicketsCommand.Search.self,
        DeskCommands.Reply.self, DeskCommands.Close.self, DeskCommands.Reopen.self, DeskCommands.Note.self,
        DeskCommands.Split.self, DeskCommands.LogTime.self,
        HeldCommand.List.self, HeldCommand.Approve.self, HeldCommand.Discard.self,
        MessagesCommand.Rejected.self, MessagesCommand.List.self, MessagesCommand.Reprocess.self,
        MessagesCommand.Discard.self,
        OutboxCommand.List.self, OutboxCommand.Retry.self, StatusCommand.self,
        DbCommand.Backup.self, DbCommand.Migrate.self, HelpCommand.self,
    ]

    static var overview: String { CommandHelp.overview(commands.map { $0.spec }, version: version) }

    static func run(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first else {
            CommandFailure.printError(overview)
            return ExitCode.usage
        }
        switch first {
        case "--version":
            print("buzon \(version)")
            return ExitCode.ok
        case "--help", "-h":
            print(overview)
            return ExitCode.ok
        default:
            break
        }
        switch resolve(arguments) {
        case .command(let command, let rest):
            return execute(command, rest)
        case .group(let word, let members, let rest):
            if let sub = rest.first, sub == "--help" || sub == "-h" {
                print(CommandHelp.group(word, members))
                return ExitCode.ok
            }
            let subs = members.map { $0.words[1] }
            let say = subs.dropLast().joined(separator: ", ") + " or " + subs[subs.count - 1]
            let problem = rest.first.map { "unknown 'buzon \(word) \($0)': say \(say)" } ?? "say \(say)"
            CommandFailure.printError("buzon \(word): \(problem)\n\(CommandHelp.group(word, members))")
            return ExitCode.usage
        case .unknown:
            CommandFailure.printError("buzon: unknown command '\(first)'\n\(overview)")
            return ExitCode.usage
        }
    }

    /// Parses `arguments` against `command`'s declaration, then runs it.
    static func execute(_ command: any BuzonCommand.Type, _ arguments: [String]) -> Int32 {
        let spec = command.spec
        do {
            let parsed = try Arguments(arguments, spec: spec)
            if parsed.helpRequested {
                print(CommandHelp.text(spec))
                return ExitCode.ok
            }
            return try command.run(parsed)
        } catch {
            return CommandFailure.report(error, spec: spec)
        }
    }

    enum Resolution {
        /// The command and the arguments after its words.
        case command(any BuzonCommand.Type, [String])
        /// The first word names a group (`tickets`) but the second names none of its commands.
        case group(String, [CommandSpec], [String])
        case unknown
    }

    /// The command whose words start `arguments` (`tickets list …`, `close …`).
    static func resolve(_ arguments: [String]) -> Resolution {
        for command in commands where arguments.starts(with: command.spec.words) {
            return .command(command, Array(arguments.dropFirst(command.spec.words.count)))
        }
        guard let word = arguments.first else { return .unknown }
        let members = commands.map { $0.spec }.filter { $0.words.count > 1 && $0.words[0] == word }
        return members.isEmpty ? .unknown : .group(word, members, Array(arguments.dropFirst()))
    }
}
