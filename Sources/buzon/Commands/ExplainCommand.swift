import Foundation
import BuzonGateway
import BuzonMIME
import BuzonTickets
import BuzonConfig

/// `buzon explain FILE --config FILE [--mailbox NAME]`: the decision a message would get and
/// every rule consulted, changing nothing (no ticket, no ledger entry, no outbox).
enum ExplainCommand: BuzonCommand {
    static let spec = CommandSpec(
        words: ["explain"], section: .gateway, summary: "the decision a message would get and why, changing nothing",
        operands: [OperandSpec(placeholder: "FILE", kind: .file, help: "the message (- for standard input)")],
        options: [.value("mailbox", "NAME", "as if it arrived at this [[mailbox]] (default: the first)"), .json, .config],
        details: "Decides a message as if it arrived now and prints the decision and every rule consulted, "
            + "changing nothing: no ticket, no ledger entry, no outbox.",
        examples: ["explain message.eml --mailbox ventas"])

    static func run(_ args: Arguments) throws -> Int32 {
        let file = args.operands[0]
        let context = try CommandContext.open(args)
        let mailbox = try args.value("mailbox").map { name throws -> MailboxConfig in try context.runtime.mailbox(named: name) }
            ?? context.runtime.config.mailboxes[0]
        let raw = try DeliverCommand.readInput(file)
        let processor = MessageProcessor(runtime: context.runtime, store: context.store, logger: context.logger)
        let decision = try processor.explain(raw, mailbox: mailbox)
        if args.flag("json") {
            print(JSONWriter.string(.object([
                ("rule", .string(decision.rule.rawValue)),
                ("summary", .string(decision.summary)),
                ("notices", .array(decision.notices.map { .object([("kind", .string($0.kind.rawValue)), ("to", .string($0.to.address))]) })),
                ("suppressed", .array(decision.suppressedNotices.map { .object([("kind", .string($0.kind.rawValue)), ("reason", .string($0.reason))]) })),
                ("trail", .array(decision.trail.map(JSONValue.string))),
            ])))
        } else {
            print("decision: \(decision.summary)")
            print("rule:     \(decision.rule.rawValue)")
            print("why:")
            for line in decision.trail { print("  - \(line)") }
        }
        return ExitCode.ok
    }
}
