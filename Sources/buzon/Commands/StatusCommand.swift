import Foundation
import BuzonGateway
import BuzonMIME
import BuzonStore
import BuzonTickets

/// `buzon status`: mailboxes (last poll, last error, dead letters), outbox depth and
/// failures, tickets by state, kept messages (held, rejected), the oldest ticket still waiting
/// for an answer, and warnings (most recent mail without `Authentication-Results` from the
/// configured `trusted_authserv_id`).
enum StatusCommand: BuzonCommand {
    static let spec = CommandSpec(
        words: ["status"], section: .desk, summary: "mailboxes, outbox, tickets by state, kept mail, warnings",
        options: [.json, .config],
        details: "Each mailbox's last poll, last error and dead letters; outbox depth and failures; tickets by state; "
            + "held and rejected messages; the ticket waiting longest for an answer; and warnings, such as a "
            + "trusted_authserv_id most recent mail does not carry. Counted by the database, however many tickets.",
        examples: ["status --json"])

    static func run(_ args: Arguments) throws -> Int32 {
        let context = try CommandContext.open(args)
        let store = context.store
        let zone = context.timeZone
        let w = context.wording
        var mailboxRows: [JSONValue] = []
        var table = TextTable([w("MAILBOX", "BUZÓN"), w("ADDRESS", "DIRECCIÓN"), w("LAST POLL", "ÚLTIMA REVISIÓN"),
                               w("LAST UID", "ÚLTIMO UID"), w("DEAD LETTERS", "NO PROCESABLES"), w("LAST ERROR", "ÚLTIMO ERROR")])
        table.maxWidth = [5: 60]
        for mailbox in context.runtime.config.mailboxes {
            let state = try store.mailboxState(name: mailbox.name)
            table.append([mailbox.name, mailbox.address, state?.lastPollAt.map { ISO8601.local($0, in: zone) } ?? w("never", "nunca"),
                          String(state?.lastUID ?? 0), String(state?.deadLetters ?? 0), state?.lastError ?? ""])
            mailboxRows.append(.object([
                ("name", .string(mailbox.name)), ("address", .string(mailbox.address)),
                ("last_poll_at", .optional(state?.lastPollAt.map(ISO8601.string(from:)))),
                ("last_uid", .number(Int(state?.lastUID ?? 0))), ("dead_letters", .number(state?.deadLetters ?? 0)),
                ("last_error", .optional(state?.lastError)),
            ]))
        }
        let byState = try store.ticketCounts()
        let waiting = try store.oldestTicket(in: .waitingOnSupport)
        let outbox = try store.outboxCounts()
        let depth = outbox[.queued] ?? 0, failed = outbox[.failed] ?? 0
        let kept = try store.keptCounts()
        let held = kept[.held] ?? 0, rejected = kept[.rejected] ?? 0
        let warnings = try AuthenticationSurvey.run(store: store, trustedAuthservID: context.runtime.config.trustedAuthservID)?
            .warning.map { [$0] } ?? []
        if args.flag("json") {
            print(JSONWriter.string(.object([
                ("mailboxes", .array(mailboxRows)),
                ("tickets", .object(TicketState.allCases.map { ($0.rawValue, JSONValue.number(byState[$0] ?? 0)) })),
                ("outbox_depth", .number(depth)), ("outbox_failed", .number(failed)), ("held", .number(held)),
                ("rejected", .number(rejected)), ("oldest_waiting", .optional(waiting?.number)),
                ("warnings", .array(warnings.map { .string($0) })),
            ])))
        } else {
            print(table.rendered)
            print("")
            print("tickets: " + TicketState.allCases.map { "\(w.state($0)) \(byState[$0] ?? 0)" }.joined(separator: ", "))
            print(w("outbox: \(depth) queued, \(failed) failed; held for review: \(held); rejected (kept): \(rejected)",
                    "salida: \(depth) en cola, \(failed) fallidos; retenidos para revisión: \(held); rechazados (guardados): \(rejected)"))
            if let waiting {
                print(w("oldest waiting on support", "el más antiguo esperando a soporte")
                      + ": \(waiting.number) «\(waiting.subject)» \(w("since", "desde")) \(ISO8601.local(waiting.updatedAt, in: zone)) (\(TicketView.age(waiting.updatedAt)))")
            }
            for warning in warnings { print(w("warning: ", "aviso: ") + warning) }
        }
        return ExitCode.ok
    }
}
