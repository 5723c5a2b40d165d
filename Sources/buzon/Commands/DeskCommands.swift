import Foundation
import BuzonGateway
import BuzonMIME

/// Staff work from the command line: `reply`, `close`, `reopen`, `note`, `split`, `log-time`.
/// Each declares only the options it reads (`close OP10044 --minutes 5` is a usage error, not a
/// silently ignored word); a ticket that does not exist exits 65 (see `CommandFailure`).
enum DeskCommands {
    enum Reply: BuzonCommand {
        static let spec = CommandSpec(
            words: ["reply"], section: .desk, summary: "a staff answer through the outbox; the ticket becomes answered",
            operands: [.ticket],
            options: [.value("from", "STAFF", "the staff address answering (one of [gateway] staff)", required: true),
                      .value("file", "F", .file, "the answer's text from this file (default: standard input)"),
                      .value("text", "T", "the answer's text"),
                      .value("attach", "FILE", .file, "attach this file", repeatable: true), .config],
            exclusive: [["file", "text"]],
            details: "Queues a staff answer to the customer (and the colleagues on the conversation) with the staff_reply "
                + "template, marker on top and threaded; the ticket moves to answered.",
            examples: ["reply OP10044 --from marta.rios@empresa.com --file answer.txt --attach guide.pdf"])

        static func run(_ args: Arguments) throws -> Int32 {
            let number = args.operands[0].uppercased()
            let context = try CommandContext.open(args)
            let text = try args.value("text") ?? String(decoding: DeliverCommand.readInput(args.value("file") ?? "-"), as: UTF8.self)
            let attachments = try args.allValues("attach").map { path in
                OutgoingMessage.Attachment(filename: (path as NSString).lastPathComponent,
                                           contentType: MediaType.guess(forFilename: path),
                                           data: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            }
            try context.desk.reply(number, from: args.required("from"), text: text, attachments: attachments)
            let w = context.wording
            print(w("answer to \(number) queued; ticket is now answered", "respuesta a \(number) en cola; el ticket queda respondido"))
            return ExitCode.ok
        }
    }

    enum Close: BuzonCommand {
        static let spec = CommandSpec(
            words: ["close"], section: .desk, summary: "close a ticket; the closing notice invites a 1–5 rating",
            operands: [.ticket], options: [.by, .config],
            examples: ["close OP10044 --by marta.rios@empresa.com"])

        static func run(_ args: Arguments) throws -> Int32 {
            let number = args.operands[0].uppercased()
            let context = try CommandContext.open(args)
            try context.desk.close(number, actor: args.value("by"))
            let w = context.wording
            print(w("\(number) closed; the closing notice is in the outbox", "\(number) cerrado; el aviso de cierre está en la bandeja de salida"))
            return ExitCode.ok
        }
    }

    enum Reopen: BuzonCommand {
        static let spec = CommandSpec(
            words: ["reopen"], section: .desk, summary: "reopen a closed ticket",
            operands: [.ticket], options: [.by, .config],
            examples: ["reopen OP10044 --by marta.rios@empresa.com"])

        static func run(_ args: Arguments) throws -> Int32 {
            let number = args.operands[0].uppercased()
            let context = try CommandContext.open(args)
            try context.desk.reopen(number, actor: args.value("by"))
            print(context.wording("\(number) reopened", "\(number) reabierto"))
            return ExitCode.ok
        }
    }

    enum Note: BuzonCommand {
        static let spec = CommandSpec(
            words: ["note"], section: .desk, summary: "an internal note, never sent",
            operands: [.ticket],
            options: [.value("text", "T", "the note", required: true), .by, .config],
            examples: ["note OP10044 --text \"called the customer, waiting for the invoice\""])

        static func run(_ args: Arguments) throws -> Int32 {
            let number = args.operands[0].uppercased()
            let context = try CommandContext.open(args)
            try context.desk.note(number, text: args.required("text"), actor: args.value("by"))
            print(context.wording("note added to \(number)", "nota agregada a \(number)"))
            return ExitCode.ok
        }
    }

    enum Split: BuzonCommand {
        static let spec = CommandSpec(
            words: ["split"], section: .desk, summary: "a second topic of one mail becomes its own ticket",
            operands: [.ticket],
            options: [.value("message", "ID", .number, "the message to split off (its id in buzon tickets show)", required: true),
                      .value("subject", "S", "the new ticket's subject (default: the message's)"), .by, .config],
            details: "The message becomes a new ticket of its own, related to the first; the customer is told.",
            examples: ["split OP10044 --message 7 --subject \"Factura de noviembre\""])

        static func run(_ args: Arguments) throws -> Int32 {
            let number = args.operands[0].uppercased()
            let message = args.integer("message") ?? 0
            let context = try CommandContext.open(args)
            let created = try context.desk.split(number, message: Int64(message), subject: args.value("subject"), actor: args.value("by"))
            print(context.wording("message \(message) of \(number) is now ticket \(created); the customer is told",
                                  "el mensaje \(message) de \(number) es ahora el ticket \(created); se avisa al cliente"))
            return ExitCode.ok
        }
    }

    enum LogTime: BuzonCommand {
        static let spec = CommandSpec(
            words: ["log-time"], section: .desk, summary: "time spent on a ticket, per person",
            operands: [.ticket],
            options: [.value("who", "WHO", "who spent it", required: true),
                      .value("minutes", "N", .number, "how long, in minutes (more than 0)", required: true),
                      .value("text", "T", "what was done"), .config],
            examples: ["log-time OP10044 --who marta.rios@empresa.com --minutes 30 --text \"remote session\""])

        static func run(_ args: Arguments) throws -> Int32 {
            let number = args.operands[0].uppercased()
            guard let minutes = args.integer("minutes"), minutes > 0 else {
                throw Arguments.UsageError(description: "--minutes N must be a positive number of minutes")
            }
            let context = try CommandContext.open(args)
            try context.desk.logTime(number, who: args.required("who"), minutes: minutes, text: args.value("text") ?? "")
            print(context.wording("\(minutes) min logged on \(number)", "\(minutes) min registrados en \(number)"))
            return ExitCode.ok
        }
    }
}
