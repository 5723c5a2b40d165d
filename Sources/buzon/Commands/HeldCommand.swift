import Foundation
import BuzonGateway
import BuzonStore

/// `buzon held list [--json]`, `buzon held approve ID`, `buzon held discard ID`: review of
/// the messages the unknown-sender or open-ticket-limit rules kept aside.
enum HeldCommand {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            guard let sub = arguments.first else { throw Arguments.UsageError(description: "say list, approve ID or discard ID") }
            let args = try Arguments(Array(arguments.dropFirst()), valueOptions: ["config"], flagOptions: ["json"])
            let context = try CommandContext.open(args)
            let w = context.wording
            switch sub {
            case "list":
                let held = try context.store.heldMessages()
                if args.flag("json") {
                    print(JSONWriter.string(.array(held.map { entry in
                        .object([("id", .number(Int(entry.id))), ("from", .string(entry.message.fromAddress)),
                                 ("subject", .string(entry.message.subject)), ("reason", .string(entry.message.reason)),
                                 ("mailbox", .string(entry.message.mailbox)),
                                 ("received_at", .string(ISO8601.string(from: entry.message.receivedAt)))])
                    })))
                } else if held.isEmpty {
                    print(w("(nothing held)", "(nada retenido)"))
                } else {
                    var table = TextTable(["ID", w("RECEIVED", "RECIBIDO"), w("FROM", "DE"), w("SUBJECT", "ASUNTO"), w("REASON", "MOTIVO")])
                    table.maxWidth = [3: 40]
                    for entry in held {
                        table.append([String(entry.id), ISO8601.local(entry.message.receivedAt, in: context.timeZone),
                                      entry.message.fromAddress, entry.message.subject, entry.message.reason])
                    }
                    print(table.rendered)
                }
            case "approve", "discard":
                guard let text = args.positionals.first, let id = Int64(text) else {
                    throw Arguments.UsageError(description: "name the held id: buzon held \(sub) 3")
                }
                let processor = MessageProcessor(runtime: context.runtime, store: context.store, logger: context.logger)
                if sub == "approve" {
                    let number = try processor.approveHeld(id: id)
                    print(w("held \(id) approved: ticket \(number)", "retenido \(id) aprobado: ticket \(number)"))
                } else {
                    try processor.discardHeld(id: id)
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
