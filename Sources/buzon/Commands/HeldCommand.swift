import Foundation
import BuzonGateway
import BuzonStore

/// `buzon held list [--json]`, `buzon held approve ID`, `buzon held discard ID`: review of
/// the messages kept for a person (unknown sender under `hold`, a sender that is not
/// authentic, the open-ticket limit, staff mail naming no ticket, no From). Approve and
/// discard also take the id of a rejected message (`buzon messages rejected`).
enum HeldCommand {
    /// The id every kept-message command takes (held and rejected share one numbering).
    static let id = OperandSpec(placeholder: "ID", kind: .number, help: "the kept message's id (see: buzon held list)")

    enum List: BuzonCommand {
        static let spec = CommandSpec(
            words: ["held", "list"], section: .desk, summary: "messages held for review, and why",
            options: [.json, .config],
            details: "Messages kept for a person instead of ticketed: an unknown sender under hold, a sender that is not "
                + "authentic, the open-ticket limit, staff mail naming no ticket, no From. With --json, `reason` is a "
                + "code and `detail` its particulars.",
            examples: ["held list --json"])

        static func run(_ args: Arguments) throws -> Int32 {
            let context = try CommandContext.open(args)
            KeptListing.print(try context.store.heldMessages(), json: args.flag("json"), context: context,
                              whenEmpty: context.wording("(nothing held)", "(nada retenido)"))
            return ExitCode.ok
        }
    }

    enum Approve: BuzonCommand {
        static let spec = CommandSpec(
            words: ["held", "approve"], section: .desk, summary: "a held (or rejected) message becomes a ticket",
            operands: [HeldCommand.id], options: [.config],
            details: "The kept message becomes a ticket with its acknowledgement, whatever rule kept it, and leaves the "
                + "kept messages, in one transaction. An id that does not exist exits 65.",
            examples: ["held approve 3"])

        static func run(_ args: Arguments) throws -> Int32 {
            let id = try args.id()
            let context = try CommandContext.open(args)
            let number = try context.desk.approveHeld(id: id)
            print(context.wording("held \(id) approved: ticket \(number)", "retenido \(id) aprobado: ticket \(number)"))
            return ExitCode.ok
        }
    }

    enum Discard: BuzonCommand {
        static let spec = CommandSpec(
            words: ["held", "discard"], section: .desk, summary: "drop a held (or rejected) message for good",
            operands: [HeldCommand.id], options: [.config],
            details: "Drops the kept message; its ledger entry stays, so a later poll does not bring it back.",
            examples: ["held discard 3"])

        static func run(_ args: Arguments) throws -> Int32 {
            let (id, context) = try HeldCommand.discard(args)
            print(context.wording("held \(id) discarded", "retenido \(id) descartado"))
            return ExitCode.ok
        }
    }

    /// Drops the kept message `args` names: one writer for `held discard` and `messages discard`.
    static func discard(_ args: Arguments) throws -> (id: Int64, context: CommandContext) {
        let id = try args.id()
        let context = try CommandContext.open(args)
        try context.desk.discardHeld(id: id)
        return (id, context)
    }
}
