import Foundation
import BuzonGateway
import BuzonMIME
import BuzonStore

/// `buzon outbox list [--status queued|sent|failed] [--json]`, `buzon outbox retry ID`.
enum OutboxCommand {
    enum List: BuzonCommand {
        static let spec = CommandSpec(
            words: ["outbox", "list"], section: .desk, summary: "what was sent, is queued or failed",
            options: [.value("status", "STATUS", .choice(OutboxStatus.allCases.map(\.rawValue)), "only messages in this status"),
                      .json, .config],
            examples: ["outbox list --status failed"])

        static func run(_ args: Arguments) throws -> Int32 {
            let context = try CommandContext.open(args)
            let w = context.wording
            let entries = try context.store.outbox(status: args.value("status").flatMap(OutboxStatus.init(rawValue:)))
            if args.flag("json") {
                print(JSONWriter.string(.array(entries.map(OutboxCommand.json))))
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
            return ExitCode.ok
        }
    }

    enum Retry: BuzonCommand {
        static let spec = CommandSpec(
            words: ["outbox", "retry"], section: .desk, summary: "queue a failed message again",
            operands: [OperandSpec(placeholder: "ID", kind: .number, help: "the outbox id (see: buzon outbox list)")],
            options: [.config],
            details: "Queues a failed outbox message again; buzon run sends it. An id that does not exist exits 65.",
            examples: ["outbox retry 12"])

        static func run(_ args: Arguments) throws -> Int32 {
            let id = try args.id()
            let context = try CommandContext.open(args)
            try context.store.requeue(id: id)
            print(context.wording("outbox \(id) queued again; `buzon run` sends it", "salida \(id) en cola otra vez; `buzon run` la envía"))
            return ExitCode.ok
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
