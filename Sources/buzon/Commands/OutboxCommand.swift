import Foundation
import BuzonGateway
import BuzonMIME
import BuzonStore

/// `buzon outbox list [--status queued|sent|failed] [--json]`, `buzon outbox retry ID`.
enum OutboxCommand {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            guard let sub = arguments.first else { throw Arguments.UsageError(description: "say list or retry ID") }
            let args = try Arguments(Array(arguments.dropFirst()), valueOptions: ["config", "status"], flagOptions: ["json"])
            let context = try CommandContext.open(args)
            let w = context.wording
            switch sub {
            case "list":
                let status = try args.value("status").map { text throws -> OutboxStatus in
                    guard let status = OutboxStatus(rawValue: text) else {
                        throw Arguments.UsageError(description: "--status must be queued, sent or failed")
                    }
                    return status
                }
                let entries = try context.store.outbox(status: status)
                if args.flag("json") {
                    print(JSONWriter.string(.array(entries.map(json))))
                } else if entries.isEmpty {
                    print(w("(outbox empty)", "(bandeja de salida vacía)"))
                } else {
                    var table = TextTable(["ID", "TICKET", w("TEMPLATE", "PLANTILLA"), w("TO", "PARA"), w("STATUS", "ESTADO"),
                                           w("ATTEMPTS", "INTENTOS"), w("LAST ERROR", "ÚLTIMO ERROR")])
                    table.maxWidth = [6: 60]
                    for entry in entries {
                        table.append([String(entry.id), entry.message.ticketNumber ?? "—", entry.message.template,
                                      entry.message.recipients.joined(separator: ", "), entry.status.rawValue,
                                      String(entry.attempts), entry.lastError ?? ""])
                    }
                    print(table.rendered)
                }
            case "retry":
                guard let text = args.positionals.first, let id = Int64(text) else {
                    throw Arguments.UsageError(description: "name the outbox id: buzon outbox retry 12")
                }
                try context.store.requeue(id: id)
                print(w("outbox \(id) queued again; `buzon run` sends it", "salida \(id) en cola otra vez; `buzon run` la envía"))
            default:
                throw Arguments.UsageError(description: "unknown 'outbox \(sub)': say list or retry")
            }
            return ExitCode.ok
        } catch {
            return CommandFailure.report(error, command: "outbox")
        }
    }

    static func json(_ entry: OutboxEntry) -> JSONValue {
        .object([
            ("id", .number(Int(entry.id))),
            ("template", .string(entry.message.template)),
            ("to", .array(entry.message.recipients.map(JSONValue.string))),
            ("ticket", .optional(entry.message.ticketNumber)),
            ("status", .string(entry.status.rawValue)),
            ("attempts", .number(entry.attempts)),
            ("message_id", .optional(entry.message.messageID)),
            ("last_error", .optional(entry.lastError)),
        ])
    }
}
