import Foundation

/// Dispatches `buzon SUBCOMMAND …` to the type that implements it.
enum BuzonCommandLine {
    static let usage = """
    usage: buzon <command> [options]        (--config FILE, or $BUZON_CONFIG, or /etc/buzon/buzon.toml)

    the gateway
      run [--once]                   poll the mailboxes and send the outbox until SIGTERM (SIGHUP reloads)
      deliver --mailbox NAME [--file MSG] [--send]
                                     one message from a pipe (Postfix); exit 0 stored, 75 anything else (the MTA retries)
      check-config                   validate configuration, secrets and templates
      templates list | render NAME [--ticket OP10044] [--language es]
      explain FILE [--mailbox NAME] [--json]
                                     the decision a message would get and why, changing nothing
      dead-letter list [--mailbox NAME] [--json]
      dead-letter retry [--mailbox NAME] (UID… | --all)
                                     mail that failed three times, and re-processing it once fixed
      parse [--json | --summary] FILE…
                                     what Buzón understands of e-mail files (- for standard input)

    the desk
      tickets list [--state S] [--org NAME] [--overdue] [--json]
      tickets show OP10044 [--json]
      tickets search TEXT [--json]
      reply OP10044 --from STAFF [--file F | --text T] [--attach FILE]…
      close OP10044 [--by WHO]       reopen OP10044 [--by WHO]
      note OP10044 --text T          split OP10044 --message ID [--subject S]
      log-time OP10044 --who WHO --minutes N [--text T]
      held list [--json] | approve ID | discard ID
      messages rejected [--json] | list [--json] | reprocess ID | discard ID
                                     mail kept instead of ticketed; reprocess decides it again
      outbox list [--status queued|sent|failed] [--json] | retry ID
      status [--json]

    the database
      db backup FILE                 consistent copy while the daemon runs (mode 0600)
      db migrate                     upgrade the schema after a backup (run and deliver do it too)

      help                           this text
    """

    static func run(_ arguments: [String]) -> Int32 {
        guard let command = arguments.first else {
            FileHandle.standardError.write(Data((usage + "\n").utf8))
            return ExitCode.usage
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "parse": return ParseCommand.run(rest)
        case "run": return RunCommand.run(rest)
        case "deliver": return DeliverCommand.run(rest)
        case "check-config": return CheckConfigCommand.run(rest)
        case "templates": return TemplatesCommand.run(rest)
        case "explain": return ExplainCommand.run(rest)
        case "messages": return MessagesCommand.run(rest)
        case "tickets": return TicketsCommand.run(rest)
        case "outbox": return OutboxCommand.run(rest)
        case "held": return HeldCommand.run(rest)
        case "dead-letter": return DeadLetterCommand.run(rest)
        case "db": return DbCommand.run(rest)
        case "status": return StatusCommand.run(rest)
        case _ where DeskCommands.names.contains(command): return DeskCommands.run(command, rest)
        case "help", "--help", "-h":
            print(usage)
            return ExitCode.ok
        default:
            FileHandle.standardError.write(Data("buzon: unknown command '\(command)'\n\(usage)\n".utf8))
            return ExitCode.usage
        }
    }
}
