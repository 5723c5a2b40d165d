import Foundation
import BuzonGateway
import BuzonStore

/// `buzon messages rejected [--json]`, `buzon messages list [--json]`, `buzon messages
/// reprocess ID`, `buzon messages discard ID`: the messages Buzón kept instead of ticketing. Rejected mail (unknown sender
/// under `reject`, our own mailbox's mail threading to no ticket) is kept whole so a refusal
/// can be undone: after the operator authorizes the sender, `reprocess` decides it again
/// with the current configuration and it becomes a ticket; `discard` drops one for good (its
/// ledger entry stays, so a re-poll does not bring it back). Held messages are reviewed with
/// `buzon held`; `reprocess` and `discard` take their ids too.
enum MessagesCommand {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            guard let sub = arguments.first else {
                throw Arguments.UsageError(description: "say rejected, list, reprocess ID or discard ID")
            }
            let args = try Arguments(Array(arguments.dropFirst()), valueOptions: ["config"], flagOptions: ["json"])
            let context = try CommandContext.open(args)
            let w = context.wording
            switch sub {
            case "rejected":
                KeptListing.print(try context.store.keptMessages(.rejected), json: args.flag("json"), context: context,
                                  whenEmpty: w("(nothing rejected)", "(nada rechazado)"))
            case "list":
                KeptListing.print(try context.store.keptMessages(), json: args.flag("json"), context: context,
                                  whenEmpty: w("(nothing kept)", "(nada guardado)"))
            case "reprocess", "discard":
                guard let text = args.positionals.first, let id = Int64(text) else {
                    throw Arguments.UsageError(description: "name the message id: buzon messages \(sub) 3")
                }
                if sub == "discard" {
                    try context.desk.discardHeld(id: id)
                    print(w("message \(id) discarded", "mensaje \(id) descartado"))
                    return ExitCode.ok
                }
                let result = try context.desk.reprocessKept(id: id)
                if let number = result.ticketNumber {
                    print(w("message \(id) reprocessed: ticket \(number)", "mensaje \(id) reprocesado: ticket \(number)"))
                } else {
                    let again = result.keptID.map { " (id \($0))" } ?? ""
                    print(w("message \(id) reprocessed: \(result.decision.outcome.summary)\(again)",
                            "mensaje \(id) reprocesado: \(result.decision.outcome.summary)\(again)"))
                }
            default:
                throw Arguments.UsageError(description: "unknown 'messages \(sub)': say rejected, list, reprocess ID or discard ID")
            }
            return ExitCode.ok
        } catch {
            return CommandFailure.report(error, command: "messages")
        }
    }
}
