import Foundation
import BuzonGateway
import BuzonMIME
import BuzonStore
import BuzonTickets

/// `buzon tickets list|show|search`: what the desk holds, as tables for people or `--json`.
enum TicketsCommand {
    static func run(_ arguments: [String]) -> Int32 {
        guard let sub = arguments.first else {
            CommandFailure.printError("buzon tickets: say list, show NUMBER or search TEXT")
            return ExitCode.usage
        }
        do {
            let args = try Arguments(Array(arguments.dropFirst()), valueOptions: ["config", "state", "org"],
                                     flagOptions: ["json", "overdue"])
            let context = try CommandContext.open(args)
            switch sub {
            case "list":
                var state: TicketState?
                if let text = args.value("state") {
                    guard let parsed = TicketState(rawValue: text) else {
                        throw Arguments.UsageError(description: "--state must be one of \(TicketState.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    state = parsed
                }
                var tickets = try context.store.tickets(state: state, organization: args.value("org"))
                if args.flag("overdue") {
                    tickets = tickets.filter { TicketView.clock($0, context: context).firstResponseOverdue || TicketView.clock($0, context: context).stale }
                }
                print(args.flag("json") ? JSONWriter.string(.array(tickets.map { TicketView.json($0, context: context) }))
                                        : TicketView.table(tickets, context: context))
            case "show":
                guard let number = args.positionals.first else { throw Arguments.UsageError(description: "name the ticket: buzon tickets show OP10044") }
                guard let detail = try context.store.ticketDetail(number: number.uppercased()) else {
                    throw DeskActions.ActionError.noSuchTicket(number)
                }
                print(args.flag("json") ? JSONWriter.string(TicketView.json(detail, context: context))
                                        : TicketView.text(detail, context: context))
            case "search":
                let text = args.positionals.joined(separator: " ")
                guard !text.isEmpty else { throw Arguments.UsageError(description: "give the words to search for") }
                let tickets = try context.store.search(text: text)
                print(args.flag("json") ? JSONWriter.string(.array(tickets.map { TicketView.json($0, context: context) }))
                                        : TicketView.table(tickets, context: context))
            default:
                throw Arguments.UsageError(description: "unknown 'tickets \(sub)': say list, show or search")
            }
            return ExitCode.ok
        } catch {
            return CommandFailure.report(error, command: "tickets")
        }
    }
}
