import Testing
import Foundation

/// Runs the built `buzon` binary the way an operator or a script would: the command-line
/// contract that needs no configuration (help, version, usage errors).
@Suite struct CLITests {
    /// Every command `buzon help` lists. A command added without help, or listed without being
    /// reachable, fails `theOverviewListsEveryCommand`.
    static let commands = [
        "run", "deliver", "check-config", "templates list", "templates render", "explain", "dead-letter list",
        "dead-letter retry", "parse", "tickets list", "tickets show", "tickets search", "reply", "close", "reopen", "note",
        "split", "log-time", "held list", "held approve", "held discard", "messages rejected", "messages list",
        "messages reprocess", "messages discard", "outbox list", "outbox retry", "status", "db backup", "db migrate", "help",
    ]

    /// A configuration path that does not exist: a command that reads it fails with 78.
    static let noConfig = ["--config", "/nonexistent/buzon.toml"]

    @Test func helpListsCommands() throws {
        let result = try BuzonBinary.run(["help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("parse"))
    }

    @Test func unknownCommandIsAUsageError() throws {
        let result = try BuzonBinary.run(["frobnicate"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown command 'frobnicate'"))
    }

    @Test func theOverviewListsEveryCommand() throws {
        let overview = try BuzonBinary.run(["help"]).stdout
        let entries = overview.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
        #expect(entries.count == Self.commands.count, "\(entries)")
        for command in Self.commands {
            #expect(entries.contains { $0 == "  " + command || $0.hasPrefix("  \(command) ") }, "buzon help lists \(command)")
        }
    }

    /// `buzon COMMAND --help` and `buzon help COMMAND` print the same text: usage, options, an example.
    @Test(arguments: commands) func everyCommandHasHelp(_ command: String) throws {
        let words = command.split(separator: " ").map(String.init)
        let help = try BuzonBinary.run(words + ["--help"])
        #expect(help.status == 0, "\(help.stderr)")
        #expect(help.stdout.hasPrefix("usage: buzon \(command)"), "\(help.stdout)")
        #expect(help.stdout.contains("\noptions:\n"))
        #expect(help.stdout.contains("  -h, --help"))
        #expect(help.stdout.contains("\nexample:\n  buzon \(command)") || help.stdout.contains("\nexamples:\n  buzon \(command)"),
                "\(help.stdout)")
        #expect(help.stderr.isEmpty)
        let viaHelp = try BuzonBinary.run(["help"] + words)
        #expect(viaHelp.status == 0)
        #expect(viaHelp.stdout == help.stdout)
    }

    @Test func aGroupListsItsCommands() throws {
        let help = try BuzonBinary.run(["tickets", "--help"])
        #expect(help.status == 0)
        for sub in ["list", "show", "search"] { #expect(help.stdout.contains("  tickets \(sub)")) }
        let bare = try BuzonBinary.run(["tickets"])
        #expect(bare.status == 64)
        #expect(bare.stderr.contains("say list, show or search"), "\(bare.stderr)")
        let unknown = try BuzonBinary.run(["tickets", "frob"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown 'buzon tickets frob'"), "\(unknown.stderr)")
    }

    @Test func versionPrintsTheVersion() throws {
        let result = try BuzonBinary.run(["--version"])
        #expect(result.status == 0)
        let line = result.stdout.trimmingCharacters(in: .newlines)
        #expect(line.wholeMatch(of: /buzon \d+\.\d+\.\d+(-[0-9A-Za-z.]+)?/) != nil, "\(line)")
        #expect(try BuzonBinary.run(["help"]).stdout.hasPrefix(line + ":"), "the overview names the same version")
    }

    /// Issue #11 item 6: each command takes only its own options; a foreign one is a usage error
    /// naming the command's options, found before the configuration is read.
    @Test func foreignOptionsAreRefusedNamingTheCommandsOwn() throws {
        let close = try BuzonBinary.run(["close", "OP1", "--minutes", "5"] + Self.noConfig)
        #expect(close.status == 64, "\(close.stderr)")
        #expect(close.stderr.contains("unknown option '--minutes'"), "\(close.stderr)")
        #expect(close.stderr.contains("--by WHO"), "names close's own options: \(close.stderr)")
        #expect(close.stderr.contains("usage: buzon close TICKET"), "\(close.stderr)")
        #expect(!close.stderr.contains("nonexistent"), "the configuration is not read: \(close.stderr)")

        for command in [["reopen", "OP1", "--subject", "x"], ["note", "OP1", "--text", "x", "--who", "y"],
                        ["tickets", "list", "--from", "x"], ["held", "list", "--state", "closed"], ["status", "--once"],
                        ["log-time", "OP1", "--who", "y", "--minutes", "5", "--by", "z"]] {
            let result = try BuzonBinary.run(command + Self.noConfig)
            #expect(result.status == 64, "buzon \(command.joined(separator: " ")): \(result.stderr)")
            #expect(result.stderr.contains("unknown option"), "\(result.stderr)")
        }
    }

    /// A missing required argument prints that command's usage, before any configuration is read.
    @Test func aMissingArgumentPrintsTheCommandsUsage() throws {
        let reply = try BuzonBinary.run(["reply", "OP1", "--text", "hola"] + Self.noConfig)
        #expect(reply.status == 64, "\(reply.stderr)")
        #expect(reply.stderr.contains("--from STAFF is required"), "\(reply.stderr)")
        #expect(reply.stderr.contains("usage: buzon reply TICKET --from STAFF"), "\(reply.stderr)")

        let close = try BuzonBinary.run(["close"] + Self.noConfig)
        #expect(close.status == 64)
        #expect(close.stderr.contains("missing TICKET") && close.stderr.contains("usage: buzon close TICKET"), "\(close.stderr)")

        let minutes = try BuzonBinary.run(["log-time", "OP1", "--who", "ana", "--minutes", "media hora"] + Self.noConfig)
        #expect(minutes.status == 64)
        #expect(minutes.stderr.contains("--minutes expects a whole number"), "\(minutes.stderr)")

        let state = try BuzonBinary.run(["tickets", "list", "--state", "abierto"] + Self.noConfig)
        #expect(state.status == 64)
        #expect(state.stderr.contains("--state must be one of waiting_on_support, answered, closed"), "\(state.stderr)")

        // Pipe mode keeps its contract: a wrong master.cf line exits 75 so the MTA keeps the mail.
        let deliver = try BuzonBinary.run(["deliver"] + Self.noConfig, stdin: Data("Subject: x\r\n\r\nhola\r\n".utf8))
        #expect(deliver.status == 75, "\(deliver.stderr)")
        #expect(deliver.stderr.contains("usage: buzon deliver --mailbox NAME"), "\(deliver.stderr)")
    }
}
