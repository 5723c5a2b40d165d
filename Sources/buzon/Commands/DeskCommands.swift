import Foundation
import BuzonGateway
import BuzonMIME

/// Staff work from the command line: `close`, `reopen`, `reply`, `note`, `split`, `log-time`.
enum DeskCommands {
    static let names: Set<String> = ["close", "reopen", "reply", "note", "split", "log-time"]

    static func run(_ command: String, _ arguments: [String]) -> Int32 {
        do {
            let args = try Arguments(arguments, valueOptions: ["config", "from", "file", "attach", "text", "message", "who", "minutes", "subject", "by"])
            guard let number = args.positionals.first?.uppercased() else {
                throw Arguments.UsageError(description: "name the ticket: buzon \(command) OP10044")
            }
            let context = try CommandContext.open(args)
            let desk = context.desk
            let w = context.wording
            let actor = args.value("by")
            switch command {
            case "close":
                try desk.close(number, actor: actor)
                print(w("\(number) closed; the closing notice is in the outbox", "\(number) cerrado; el aviso de cierre está en la bandeja de salida"))
            case "reopen":
                try desk.reopen(number, actor: actor)
                print(w("\(number) reopened", "\(number) reabierto"))
            case "reply":
                let from = try args.required("from")
                let text = try args.value("text") ?? String(decoding: DeliverCommand.readInput(args.value("file") ?? "-"), as: UTF8.self)
                let attachments = try args.allValues("attach").map { path in
                    OutgoingMessage.Attachment(filename: (path as NSString).lastPathComponent,
                                               contentType: MediaType.guess(forFilename: path),
                                               data: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
                }
                try desk.reply(number, from: from, text: text, attachments: attachments)
                print(w("answer to \(number) queued; ticket is now answered", "respuesta a \(number) en cola; el ticket queda respondido"))
            case "note":
                try desk.note(number, text: try args.required("text"), actor: actor)
                print(w("note added to \(number)", "nota agregada a \(number)"))
            case "split":
                guard let message = try args.integer("message") else { throw Arguments.UsageError(description: "--message ID is required (see: buzon tickets show \(number))") }
                let created = try desk.split(number, message: Int64(message), subject: args.value("subject"), actor: actor)
                print(w("message \(message) of \(number) is now ticket \(created); the customer is told",
                        "el mensaje \(message) de \(number) es ahora el ticket \(created); se avisa al cliente"))
            case "log-time":
                guard let minutes = try args.integer("minutes"), minutes > 0 else { throw Arguments.UsageError(description: "--minutes N (a positive number) is required") }
                try desk.logTime(number, who: try args.required("who"), minutes: minutes, text: args.value("text") ?? "")
                print(w("\(minutes) min logged on \(number)", "\(minutes) min registrados en \(number)"))
            default:
                throw Arguments.UsageError(description: "unknown command \(command)")
            }
            return ExitCode.ok
        } catch {
            return CommandFailure.report(error, command: command)
        }
    }
}
