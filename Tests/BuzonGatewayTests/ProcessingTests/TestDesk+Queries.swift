import Foundation
import BuzonMIME
import BuzonStore
@testable import BuzonGateway

/// Reads of the store and the fakes that most tests assert on.
extension TestDesk {
    func tickets() throws -> [TicketSummary] { try store.tickets() }

    func ticket(_ number: String) throws -> TicketDetail {
        guard let detail = try store.ticketDetail(number: number) else {
            throw FixtureError("no ticket \(number) in the store")
        }
        return detail
    }

    func eventTypes(_ number: String) throws -> [String] { try ticket(number).events.map(\.type.rawValue) }

    func events(_ number: String, _ type: EventType) throws -> [TicketEvent] {
        try ticket(number).events.filter { $0.type == type }
    }

    /// Outbox entries (any status), optionally of one template.
    func outbox(template: String? = nil) throws -> [OutboxEntry] {
        try store.outbox().filter { template == nil || $0.message.template == template }
    }

    /// Every incoming message stored on any ticket, for "exactly once" counts.
    func incomingMessageIDs() throws -> [String] {
        try tickets().flatMap { try store.messages(ofTicket: $0.number) }
            .filter { $0.direction == .incoming }.compactMap(\.messageID)
    }

    func parsed(_ entry: OutboxEntry) -> Message { MessageParser().parse(entry.message.bytes) }

    func parsedSent() -> [Message] { sender.sent.map { MessageParser().parse($0.message) } }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
