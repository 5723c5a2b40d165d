import Foundation
import BuzonGateway
import BuzonStore

/// `buzon held list [--json]`, `buzon held approve ID`, `buzon held discard ID`: review of
/// the messages kept for a person (unknown sender under `hold`, a sender that is not
/// authentic, the open-ticket limit, staff mail naming no ticket, no From). Approve and
/// discard also take the id of a rejected message (`buzon messages rejected`).
enum HeldCommand {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            guard let sub = arguments.first else { throw Arguments.UsageError(description: "say list, approve ID or discard ID") }
            let args = try Arguments(Array(arguments.dropFirst()), valueOptions: ["config"], flagOptions: ["json"])
            let context = try CommandContext.open(args)
            let w = context.wording
            switch sub {
            case "list":
                KeptListing.print(try context.store.heldMessages(), json: args.flag("json"), context: context,
                                  whenEmpty: w("(nothing held)", "(nada retenido)"))
            case "approve", "discard":
                guard let text = args.positionals.first, let id = Int64(text) else {
                    throw Arguments.UsageError(description: "name the held id: buzon held \(sub) 3")
                }
                if sub == "approve" {
                    let number = try context.desk.approveHeld(id: id)
                    print(w("held \(id) approved: ticket \(number)", "retenido \(id) aprobado: ticket \(number)"))
                } else {
                    try context.desk.discardHeld(id: id)
                    print(w("held \(id) discarded", "retenido \(id) descartado"))
                }
            default:
                throw Arguments.UsageError(description: "unknown 'held \(sub)': say list, approve or discard")
            }
            return ExitCode.ok
        } catch {
            return CommandFailure.report(error, command: "held")
        }
    }
}
