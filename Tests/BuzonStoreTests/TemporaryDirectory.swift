import Foundation
@testable import BuzonStore

/// A fresh directory under the system temp dir, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "buzon-store-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    var databasePath: String { path + "/buzon.sqlite" }
    var attachmentsPath: String { path + "/attachments" }

    func openStore(durability: Durability = .full, upgrade: SchemaUpgrade = .refuse) throws(StoreError) -> TicketStore {
        try TicketStore(databasePath: databasePath, attachmentsDirectory: attachmentsPath, durability: durability, upgrade: upgrade)
    }
}

/// Fixed dates so assertions compare exact values.
enum Clock {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static func at(minutes: Int) -> Date { start.addingTimeInterval(TimeInterval(minutes * 60)) }
}

extension TicketStore {
    /// Allocates a number and creates a ticket with test defaults.
    @discardableResult
    func makeTicket(organization: String? = "Andina", contact: String = "ana@andina.cl", subject: String = "No funciona la impresora",
                    at date: Date = Clock.start) throws -> TicketSummary {
        let number = try allocateTicketNumber(prefix: "OP", first: 10000)
        return try createTicket(NewTicket(number: number, subject: subject, organization: organization,
                                          contactAddress: contact, department: "Soporte", category: "Soporte", createdAt: date))
    }

    @discardableResult
    func addIncoming(to number: String?, messageID: String, subject: String = "Hola", reply: String = "texto",
                     raw: [UInt8]? = nil, at date: Date = Clock.start) throws -> Int64 {
        try addMessage(MessageRecord(ticketNumber: number, direction: .incoming, author: .customer, fromAddress: "ana@andina.cl",
                                     to: ["soporte@empresa.com"], messageID: messageID, subject: subject, reply: reply,
                                     body: reply + "\n> citado", raw: raw, mailbox: "soporte", receivedAt: date))
    }

    func queue(to recipients: [String], automatic: Bool = true, ticket: String? = nil, messageID: String? = nil,
               at date: Date = Clock.start) throws -> Int64 {
        try enqueue(OutboxMessage(ticketNumber: ticket, template: "acknowledgement", envelopeFrom: "soporte@empresa.com",
                                  recipients: recipients, messageID: messageID, bytes: Array("Subject: x\r\n\r\nhola\r\n".utf8),
                                  automatic: automatic, createdAt: date))
    }
}
