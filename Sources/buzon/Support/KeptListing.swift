import Foundation
import BuzonGateway
import BuzonMIME
import BuzonStore

/// The listing of kept messages, one writer for `buzon held list` and `buzon messages
/// rejected|list`: a table for people (reasons in the desk's language), or JSON with the
/// English reason code (`reason`) and the reason's particulars (`detail`).
enum KeptListing {
    static func print(_ entries: [KeptEntry], json: Bool, context: CommandContext, whenEmpty: String) {
        let w = context.wording
        if json {
            Swift.print(JSONWriter.string(.array(entries.map { entry in
                .object([("id", .number(Int(entry.id))), ("disposition", .string(entry.message.disposition.rawValue)),
                         ("from", .string(entry.message.fromAddress)), ("subject", .string(entry.message.subject)),
                         ("reason", .string(entry.message.reasonCode)), ("detail", .string(entry.message.detail)),
                         ("mailbox", .string(entry.message.mailbox)),
                         ("received_at", .string(ISO8601.string(from: entry.message.receivedAt)))])
            })))
        } else if entries.isEmpty {
            Swift.print(whenEmpty)
        } else {
            var table = TextTable(["ID", w("RECEIVED", "RECIBIDO"), w("FROM", "DE"), w("SUBJECT", "ASUNTO"), w("REASON", "MOTIVO")])
            table.maxWidth = [3: 40]
            for entry in entries {
                table.append([String(entry.id), ISO8601.local(entry.message.receivedAt, in: context.timeZone),
                              entry.message.fromAddress, entry.message.subject, reason(entry.message, wording: w)])
            }
            Swift.print(table.rendered)
        }
    }

    /// The reason in the desk's words (from its code), followed by its particulars (`dmarc=fail
    /// for x.cl`, the organization and its limit) when there are any. A row kept before codes
    /// were the truth holds the English words as its detail: when they say no more than the
    /// code, they are not repeated.
    static func reason(_ message: KeptMessage, wording: Wording) -> String {
        let words = wording.keptReason(message.reasonCode)
        let plain = Wording(language: "en").keptReason(message.reasonCode)
        return message.detail.isEmpty || message.detail == plain ? words : words + " — " + message.detail
    }
}
