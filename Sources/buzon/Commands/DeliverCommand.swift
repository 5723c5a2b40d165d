import Foundation
import BuzonGateway

/// `buzon deliver --config FILE --mailbox NAME [--file MSG]`: one message from a pipe
/// (Postfix, Exim, procmail), decided and stored like a polled one.
///
/// Exit codes are the contract with the MTA: 0 when the message is accounted for (ticket,
/// duplicate, held or rejected alike), 75 EX_TEMPFAIL when it could not be stored and the
/// MTA should retry, 78 EX_CONFIG for a bad configuration. Notices go to the outbox, which
/// `buzon run` (or `deliver --send`) delivers.
enum DeliverCommand {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let args = try Arguments(arguments, valueOptions: ["config", "mailbox", "file"], flagOptions: ["send"])
            let context = try CommandContext.open(args)
            let mailbox = try context.runtime.mailbox(named: try args.required("mailbox"))
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
                try TransportFactory.sendOutbox(context: context)
            }
            return ExitCode.ok
        } catch {
            return CommandFailure.report(error, command: "deliver")
        }
    }

    /// The message bytes from `--file` or standard input, untouched.
    static func readInput(_ path: String?) throws -> [UInt8] {
        if let path, path != "-" {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        return Array(FileHandle.standardInput.readDataToEndOfFile())
    }
}
