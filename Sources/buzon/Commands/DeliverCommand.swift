import Foundation
import BuzonGateway
import BuzonStore

/// `buzon deliver --config FILE --mailbox NAME [--file MSG]`: one message from a pipe
/// (Postfix, Exim, procmail), decided and stored like a polled one.
///
/// Exit codes are the contract with the MTA: 0 when the message is accounted for (ticket,
/// duplicate, held or rejected alike), 75 EX_TEMPFAIL for everything else. Why never 78 (or
/// 64): Postfix and Exim treat those as permanent and bounce the customer's mail, while every
/// cause here is one the operator can fix — a configuration or template error, a database that
/// cannot be opened or written, an unknown `--mailbox`, a wrong master.cf line — after which
/// the MTA's next retry delivers the message. Notices go to the outbox, which `buzon run` (or
/// `deliver --send`) delivers; a failed `--send` leaves them queued and still exits 0.
enum DeliverCommand: BuzonCommand {
    static let spec = CommandSpec(
        words: ["deliver"], section: .gateway,
        summary: "one message from a pipe (Postfix); exit 0 stored, 75 anything else (the MTA retries)",
        options: [.value("mailbox", "NAME", "the [[mailbox]] the message arrived at", required: true),
                  .value("file", "MSG", .file, "read the message from this file (default: standard input)"),
                  .flag("send", "send the notices now instead of leaving them to buzon run"), .config],
        details: "Decides and stores one message read from standard input, like a polled one, and prints the decision. "
            + "Exit 0 when the message is accounted for (ticket, duplicate, held or rejected alike); 75 for everything "
            + "else, usage errors included: every cause is one the operator can fix, and 75 makes Postfix or Exim keep "
            + "the mail and retry (64 and 78 would bounce it). A failed --send leaves the notices queued and still exits 0.",
        examples: ["deliver --mailbox soporte --config /etc/buzon/buzon.toml < message.eml"],
        isMailPipe: true)

    static func run(_ args: Arguments) throws -> Int32 {
        let context = try CommandContext.open(args, upgrade: .backupThenUpgrade)
        let mailbox = try context.runtime.mailbox(named: args.required("mailbox"))
        let raw: [UInt8]
        do {
            raw = try readInput(args.value("file"))
        } catch {
            CommandFailure.printError("buzon deliver: cannot read the message: \(error)")
            return ExitCode.tempFail
        }
        let processor = MessageProcessor(runtime: context.runtime, store: context.store, logger: context.logger)
        let result: MessageProcessor.Result
        do {
            result = try processor.process(raw, mailbox: mailbox)
        } catch {
            CommandFailure.printError("buzon deliver: could not store the message, the MTA should retry: \(error)")
            return ExitCode.tempFail
        }
        print("\(result.decision.rule.rawValue)\t\(result.ticketNumber ?? "-")\t\(result.decision.summary)")
        if args.flag("send") {
            do {
                try TransportFactory.sendOutbox(context: context)
            } catch {
                // The message is stored: a retry by the MTA would only find a duplicate.
                CommandFailure.printError("buzon deliver: stored, but the notices could not be sent now (they stay queued for buzon run): \(error)")
            }
        }
        return ExitCode.ok
    }

    /// The message bytes from `--file` or standard input, untouched.
    static func readInput(_ path: String?) throws -> [UInt8] {
        if let path, path != "-" {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        return Array(FileHandle.standardInput.readDataToEndOfFile())
    }
}
