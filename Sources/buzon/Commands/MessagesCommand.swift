import Foundation
import BuzonGateway
import BuzonStore

/// `buzon messages rejected [--json]`, `buzon messages list [--json]`, `buzon messages
/// reprocess ID`, `buzon messages discard ID`: the messages Buzón kept instead of ticketing.
/// Rejected mail (unknown sender under `reject`, our own mailbox's mail threading to no ticket)
/// is kept whole so a refusal can be undone: after the operator authorizes the sender,
/// `reprocess` decides it again with the current configuration and it becomes a ticket;
/// `discard` drops one for good (its ledger entry stays, so a re-poll does not bring it back).
/// Held messages are reviewed with `buzon held`; `reprocess` and `discard` take their ids too.
enum MessagesCommand {
    enum Rejected: BuzonCommand {
        static let spec = CommandSpec(
            words: ["messages", "rejected"], section: .desk, summary: "rejected mail, kept so a refusal can be undone",
            options: [.json, .config],
            details: "Mail refused a ticket (an unknown sender under reject, our own mailbox's mail threading to no ticket), "
                + "kept whole: authorize the sender, then buzon messages reprocess ID.",
            examples: ["messages rejected --json"])

        static func run(_ args: Arguments) throws -> Int32 {
            let context = try CommandContext.open(args)
            KeptListing.print(try context.store.keptMessages(.rejected), json: args.flag("json"), context: context,
                              whenEmpty: context.wording("(nothing rejected)", "(nada rechazado)"))
            return ExitCode.ok
        }
    }

    enum List: BuzonCommand {
        static let spec = CommandSpec(
            words: ["messages", "list"], section: .desk, summary: "every kept message, held and rejected",
            options: [.json, .config],
            examples: ["messages list"])

        static func run(_ args: Arguments) throws -> Int32 {
            let context = try CommandContext.open(args)
            KeptListing.print(try context.store.keptMessages(), json: args.flag("json"), context: context,
                              whenEmpty: context.wording("(nothing kept)", "(nada guardado)"))
            return ExitCode.ok
        }
    }

    enum Reprocess: BuzonCommand {
        static let spec = CommandSpec(
            words: ["messages", "reprocess"], section: .desk, summary: "decide a kept message again with the current configuration",
            operands: [HeldCommand.id], options: [.config],
            details: "Decides a kept message (held or rejected) again as if it arrived now: after the sender is authorized "
                + "it becomes a ticket; otherwise it is kept again under a new id. An id that does not exist exits 65.",
            examples: ["messages reprocess 3"])

        static func run(_ args: Arguments) throws -> Int32 {
            let id = try args.id()
            let context = try CommandContext.open(args)
            let w = context.wording
            let result = try context.desk.reprocessKept(id: id)
            if let number = result.ticketNumber {
                print(w("message \(id) reprocessed: ticket \(number)", "mensaje \(id) reprocesado: ticket \(number)"))
            } else {
                let again = result.keptID.map { " (id \($0))" } ?? ""
                print(w("message \(id) reprocessed: \(result.decision.outcome.summary)\(again)",
                        "mensaje \(id) reprocesado: \(result.decision.outcome.summary)\(again)"))
            }
            return ExitCode.ok
        }
    }

    enum Discard: BuzonCommand {
        static let spec = CommandSpec(
            words: ["messages", "discard"], section: .desk, summary: "drop a kept message for good",
            operands: [HeldCommand.id], options: [.config],
            details: "Drops the kept message (held or rejected); its ledger entry stays, so a later poll does not bring it back.",
            examples: ["messages discard 3"])

        static func run(_ args: Arguments) throws -> Int32 {
            let (id, context) = try HeldCommand.discard(args)
            print(context.wording("message \(id) discarded", "mensaje \(id) descartado"))
            return ExitCode.ok
        }
    }
}
