import BuzonMIME
import Foundation
@testable import BuzonTickets

/// In-memory `TicketLookup` with a recorder, so a test can run several messages through the
/// engine and see the effects of the earlier ones (dedupe, rate limits).
final class FakeTicketLookup: TicketLookup {
    var known: [String: KnownMessage] = [:]
    var tickets: [String: TicketSnapshot] = [:]
    /// Message-ID (received or sent) → ticket number.
    var messageIDs: [String: String] = [:]
    var openCounts: [String: Int] = [:]
    /// Automatic messages queued: address and instant.
    var sent: [(address: String, at: Date)] = []
    /// Every call of `automaticMessagesSent`, to assert the window asked for.
    var rateQueries: [(address: String, since: Date)] = []

    init(tickets: [TicketSnapshot] = []) {
        for ticket in tickets { self.tickets[ticket.number] = ticket }
    }

    func knownMessage(dedupeKey: String) throws -> KnownMessage? { known[dedupeKey] }

    func ticket(number: String) throws -> TicketSnapshot? { tickets[number] }

    func ticket(referencingMessageIDs ids: [String]) throws -> TicketSnapshot? {
        for id in ids {
            if let number = messageIDs[id] { return tickets[number] }
        }
        return nil
    }

    func openTicketCount(organization: String) throws -> Int { openCounts[organization] ?? 0 }

    func automaticMessagesSent(to address: String, since date: Date) throws -> Int {
        rateQueries.append((address, date))
        return sent.filter { $0.address == Address.normalize(address) && $0.at >= date }.count
    }

    /// What the store would do with a decision, as far as later decisions can see.
    func record(_ decision: Decision, for mail: IncomingMail) {
        var ticketNumber: String?
        switch decision.outcome {
        case .newTicket(let plan):
            let number = "OP\(20000 + tickets.count)"
            tickets[number] = TicketSnapshot(number: number, organization: plan.organization,
                                             contact: plan.contact.normalized, state: .waitingOnSupport)
            ticketNumber = number
        case .followUp(let plan):
            ticketNumber = plan.ticket.number
        case .duplicate:
            return
        default:
            break
        }
        known[mail.dedupeKey] = KnownMessage(ticketNumber: ticketNumber, mailbox: mail.mailbox.name)
        for notice in decision.notices { sent.append((notice.to.normalized, mail.receivedAt)) }
    }
}
