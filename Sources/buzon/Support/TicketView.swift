import Foundation
import BuzonGateway
import BuzonMIME
import BuzonStore
import BuzonTickets

/// How tickets look on the command line: a table, a detailed text, or JSON with the keys
/// scripts rely on (`number`, `subject`, `organization`, `department`, `category`, `state`,
/// `message_count`, `created_at`, `updated_at`, …).
enum TicketView {
    static func clock(_ summary: TicketSummary, context: CommandContext) -> TicketClock {
        let times = TicketTimes(state: summary.state, createdAt: summary.createdAt, firstResponseAt: summary.firstResponseAt,
                                answeredAt: summary.answeredAt, updatedAt: summary.updatedAt, closedAt: summary.closedAt)
        return Lifecycle(policy: context.runtime.policy).clock(times, now: Date())
    }

    static func flags(_ clock: TicketClock, _ w: Wording) -> [String] {
        var flags: [String] = []
        if clock.firstResponseOverdue { flags.append(w("first-answer-overdue", "1ª-respuesta-vencida")) }
        if clock.stale { flags.append(w("red:24h-without-update", "rojo:24h-sin-novedad")) }
        if clock.autoCloseDue { flags.append(w("auto-close-due", "cierre-automático-pendiente")) }
        return flags
    }

    static func age(_ date: Date) -> String {
        let seconds = max(0, Int(Date().timeIntervalSince(date)))
        switch seconds {
        case ..<3600: return "\(seconds / 60)m"
        case ..<86_400: return "\(seconds / 3600)h"
        default: return "\(seconds / 86_400)d"
        }
    }

    static func table(_ tickets: [TicketSummary], context: CommandContext) -> String {
        let w = context.wording
        guard !tickets.isEmpty else { return w("(no tickets)", "(no hay tickets)") }
        var table = TextTable([w("NUMBER", "NÚMERO"), w("ORGANIZATION", "ORGANIZACIÓN"), w("SUBJECT", "ASUNTO"),
                               w("STATE", "ESTADO"), w("MSGS", "MENS"), w("AGE", "EDAD"),
                               w("FIRST ANSWER DUE", "1ª RESPUESTA ANTES DE"), w("FLAGS", "MARCAS")])
        table.maxWidth = [2: 42, 1: 22]
        for ticket in tickets {
            let clock = clock(ticket, context: context)
            let due = ticket.firstResponseAt == nil ? ISO8601.local(clock.firstResponseDue, in: context.timeZone) : w("answered", "respondido")
            table.append([ticket.number, ticket.organization ?? "—", ticket.subject, w.state(ticket.state),
                          String(ticket.messageCount), age(ticket.createdAt), due, flags(clock, w).joined(separator: ",")])
        }
        return table.rendered
    }

    static func json(_ ticket: TicketSummary, context: CommandContext) -> JSONValue {
        let clock = clock(ticket, context: context)
        return .object(fields(ticket) + [
            ("first_response_due", .string(ISO8601.string(from: clock.firstResponseDue))),
            ("first_response_overdue", .bool(clock.firstResponseOverdue)),
            ("stale", .bool(clock.stale)),
            ("auto_close_at", .optional(clock.autoCloseAt.map(ISO8601.string(from:)))),
        ])
    }

    static func fields(_ ticket: TicketSummary) -> [(String, JSONValue)] {
        [
            ("number", .string(ticket.number)),
            ("subject", .string(ticket.subject)),
            ("organization", .optional(ticket.organization)),
            ("department", .string(ticket.department)),
            ("category", .string(ticket.category)),
            ("state", .string(ticket.state.rawValue)),
            ("message_count", .number(ticket.messageCount)),
            ("created_at", .string(ISO8601.string(from: ticket.createdAt))),
            ("updated_at", .string(ISO8601.string(from: ticket.updatedAt))),
            ("contact", .string(ticket.contactAddress)),
            ("first_response_at", .optional(ticket.firstResponseAt.map(ISO8601.string(from:)))),
            ("closed_at", .optional(ticket.closedAt.map(ISO8601.string(from:)))),
            ("related_ticket", .optional(ticket.relatedTicket)),
        ]
    }

    static func json(_ detail: TicketDetail, context: CommandContext) -> JSONValue {
        guard case .object(let base) = json(detail.summary, context: context) else { return .null }
        let messages: [JSONValue] = detail.messages.map { message in
            .object([
                ("id", .number(Int(message.id))),
                ("direction", .string(message.direction == .incoming ? "in" : "out")),
                ("author", .string(message.author.rawValue)),
                ("from", .string(message.fromAddress)),
                ("message_id", .optional(message.messageID)),
                ("subject", .string(message.subject)),
                ("reply", .string(message.reply)),
                ("received_at", .string(ISO8601.string(from: message.receivedAt))),
                ("attachments", .array(message.attachments.map { attachment in
                    .object([("filename", .optional(attachment.filename)), ("content_type", .string(attachment.contentType)),
                             ("size", .number(attachment.size)), ("sha256", .string(attachment.sha256)),
                             ("truncated", .bool(attachment.truncated))])
                })),
            ])
        }
        let events: [JSONValue] = detail.events.map { event in
            .object([("type", .string(event.type.rawValue)), ("at", .string(ISO8601.string(from: event.at))),
                     ("detail", .string(event.detail)), ("actor", .optional(event.actor))])
        }
        let time: [JSONValue] = detail.timeLog.map { entry in
            .object([("who", .string(entry.who)), ("minutes", .number(entry.minutes)), ("text", .string(entry.text)),
                     ("at", .string(ISO8601.string(from: entry.at)))])
        }
        return .object(base + [("messages", .array(messages)), ("events", .array(events)), ("time_log", .array(time))])
    }

    static func text(_ detail: TicketDetail, context: CommandContext) -> String {
        let ticket = detail.summary
        let zone = context.timeZone
        let clock = clock(ticket, context: context)
        let w = context.wording
        var lines = [
            "\(ticket.number)  \(ticket.subject)",
            "\(w("state", "estado")): \(w.state(ticket.state))   \(w("organization", "organización")): \(ticket.organization ?? "—")   \(w("contact", "contacto")): \(ticket.contactAddress)",
            "\(w("department", "departamento")): \(ticket.department)   \(w("category", "categoría")): \(ticket.category)   \(w("opened", "abierto")): \(ISO8601.local(ticket.createdAt, in: zone))",
        ]
        if let related = ticket.relatedTicket { lines.append("\(w("follows closed ticket", "sigue al ticket cerrado")): \(related)") }
        let flagText = flags(clock, w)
        if !flagText.isEmpty { lines.append("\(w("flags", "marcas")): \(flagText.joined(separator: ", "))") }
        lines.append("")
        lines.append(w("Timeline:", "Historial:"))
        for event in detail.events {
            lines.append("  \(ISO8601.local(event.at, in: zone))  \(event.type.rawValue)  \(event.detail)")
        }
        lines.append("")
        lines.append(w("Messages:", "Mensajes:"))
        for message in detail.messages {
            let arrow = message.direction == .incoming ? "←" : "→"
            lines.append("  [\(message.id)] \(ISO8601.local(message.receivedAt, in: zone)) \(arrow) \(message.fromAddress) (\(message.author.rawValue)): \(message.subject)")
            for line in message.reply.split(separator: "\n", omittingEmptySubsequences: false).prefix(12) {
                lines.append("      \(line)")
            }
            for attachment in message.attachments {
                lines.append("      📎 \(attachment.filename ?? w("(no name)", "(sin nombre)")) \(attachment.contentType) \(attachment.size) bytes"
                             + (attachment.truncated ? w(" (TRUNCATED: the whole message stays on the mail server)",
                                                          " (INCOMPLETO: el mensaje completo sigue en el servidor de correo)") : ""))
            }
        }
        if !detail.timeLog.isEmpty {
            lines.append("")
            lines.append("\(w("Time spent", "Tiempo dedicado")): \(detail.timeLog.reduce(0) { $0 + $1.minutes }) min")
            for entry in detail.timeLog {
                lines.append("  \(ISO8601.local(entry.at, in: zone))  \(entry.who)  \(entry.minutes) min  \(entry.text)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
