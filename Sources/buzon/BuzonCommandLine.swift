import Foundation

/// Dispatches `buzon SUBCOMMAND …` to the type that implements it.
enum BuzonCommandLine {
    static let usage = """
    usage: buzon <command> [options]

    commands:
      parse          parse e-mail files and print what Buzón understood
                     buzon parse [--json | --summary] FILE… (- for standard input)
      help           this text
    """

    static func run(_ arguments: [String]) -> Int32 {
        guard let command = arguments.first else {
            FileHandle.standardError.write(Data((usage + "\n").utf8))
            return 64
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "parse":
            return ParseCommand.run(rest)
        case "help", "--help", "-h":
            print(usage)
            return 0
        default:
            _ = rest
            FileHandle.standardError.write(Data("buzon: unknown command '\(command)'\n\(usage)\n".utf8))
            return 64
        }
    }
}
