import Foundation
import BuzonGateway
import BuzonMIME
import BuzonStore
import BuzonTickets

/// `buzon tickets list|show|search`: what the desk holds, as tables for people or `--json`.
enum TicketsCommand {
    enum List: BuzonCommand {
        static let spec = CommandSpec(
            words: ["tickets", "list"], section: .desk, summary: "tickets, oldest first",
            options: [.value("state", "STATE", .choice(TicketState.allCases.map(\.rawValue)), "only tickets in this state"),
                      .value("org", "NAME", "only this organization's tickets"),
                      .flag("overdue", "only tickets whose first answer is overdue or that wait too long"), .json, .config],
            details: "Number, organization, subject, state, messages, age, first answer due and flags of each ticket, "
                + "oldest first.",
            examples: ["tickets list --state waiting_on_support --overdue"])

        static func run(_ args: Arguments) throws -> Int32 {
            let context = try CommandContext.open(args)
            let state = args.value("state").flatMap(TicketState.init(rawValue:))
            var tickets = try context.store.tickets(state: state, organization: args.value("org"))
            if args.flag("overdue") {
                tickets = tickets.filter { TicketView.clock($0, context: context).firstResponseOverdue || TicketView.clock($0, context: context).stale }
            }
            print(args.flag("json") ? JSONWriter.string(.array(tickets.map { TicketView.json($0, context: context) }))
                                    : TicketView.table(tickets, context: context))
            return ExitCode.ok
        }
    }

    enum Show: BuzonCommand {
        static let spec = CommandSpec(
            words: ["tickets", "show"], section: .desk, summary: "one ticket's whole story",
            operands: [.ticket], options: [.json, .config],
            details: "The ticket's timeline (every event timestamped), its messages (trimmed text), attachments and "
                + "time spent. A ticket that does not exist exits 65.",
            examples: ["tickets show OP10044"])

        static func run(_ args: Arguments) throws -> Int32 {
            let number = args.operands[0].uppercased()
            let context = try CommandContext.open(args)
            guard let detail = try context.store.ticketDetail(number: number) else {
                throw DeskActions.ActionError.noSuchTicket(number)
            }
            print(args.flag("json") ? JSONWriter.string(TicketView.json(detail, context: context))
                                    : TicketView.text(detail, context: context))
            return ExitCode.ok
        }
    }

    enum Search: BuzonCommand {
        static let spec = CommandSpec(
            words: ["tickets", "search"], section: .desk, summary: "full-text search over subjects and messages",
            operands: [OperandSpec(placeholder: "WORD", kind: .text, help: "words every matching message contains",
                                   isRepeatable: true)],
            options: [.json, .config],
            details: "Tickets with a message containing every word (subject, reply or body; accents and case ignored), "
                + "most recently updated first. Words are taken literally.",
            examples: ["tickets search boleta electrónica"])

        static func run(_ args: Arguments) throws -> Int32 {
            let text = args.operands.joined(separator: " ")
            guard !text.isEmpty else { throw Arguments.UsageError(description: "give the words to search for") }
            let context = try CommandContext.open(args)
            let tickets = try context.store.search(text: text)
            print(args.flag("json") ? JSONWriter.string(.array(tickets.map { TicketView.json($0, context: context) }))
                                    : TicketView.table(tickets, context: context))
            return ExitCode.ok
        }
    }
}
