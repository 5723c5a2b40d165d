import BuzonMIME
import Foundation
import Testing
@testable import BuzonStore

@Suite struct MessageStorageTests {
    @Test func messageReadsBackWithRawBytesKeptOnce() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let number = try store.makeTicket().number
        let raw = Array("From: ana@andina.cl\r\nSubject: Hola\r\n\r\nTexto\r\n".utf8)
        let id = try store.addMessage(MessageRecord(
            ticketNumber: number, direction: .incoming, author: .customer, fromAddress: "ana@andina.cl", fromName: "Ana \"La\" Pérez",
            to: ["soporte@empresa.com", "x\\y@z"], cc: ["jefe@andina.cl"], messageID: "m1@andina.cl", inReplyTo: "ack@empresa.com",
            references: ["a@b", "ack@empresa.com"], subject: "Hola", reply: "Texto", body: "Texto\n> viejo", raw: raw,
            mailbox: "soporte", receivedAt: Clock.at(minutes: 3)))
        try store.addIncoming(to: number, messageID: "m1-again@andina.cl", raw: raw, at: Clock.at(minutes: 4))
        #expect(try store.database.queryFirst("SELECT count(*) FROM raw_messages") { $0.int(0) } == 1)

        let messages = try store.messages(ofTicket: number)
        #expect(messages.count == 2)
        let message = try #require(messages.first)
        #expect(message.id == id && message.ticketNumber == number && message.direction == .incoming && message.author == .customer)
        #expect(message.fromName == "Ana \"La\" Pérez" && message.to == ["soporte@empresa.com", "x\\y@z"] && message.cc == ["jefe@andina.cl"])
        #expect(message.messageID == "m1@andina.cl" && message.inReplyTo == "ack@empresa.com" && message.references == ["a@b", "ack@empresa.com"])
        #expect(message.reply == "Texto" && message.body == "Texto\n> viejo" && message.mailbox == "soporte")
        #expect(message.receivedAt == Clock.at(minutes: 3))
        let key = try #require(message.rawSHA256)
        #expect(key == SHA256.hex(of: raw))
        #expect(try store.rawMessage(sha256: key) == raw)
        #expect(try store.rawMessage(sha256: "00") == nil)
        #expect(throws: StoreError.self) { try store.addIncoming(to: "OP404", messageID: "x") }
    }

    /// A large raw message is written in pieces (incremental blob I/O), not bound whole: it
    /// reads back byte-identical, is kept once, and a rolled-back transaction leaves nothing.
    @Test func aLargeRawMessageIsWrittenInPiecesAndReadsBackExactly() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let number = try store.makeTicket().number
        let raw = (0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ ($0 >> 11)) }
        struct Rollback: Error {}
        #expect(throws: Rollback.self) {
            try store.transaction {
                try store.addIncoming(to: number, messageID: "big-rolled-back@x", raw: raw)
                throw Rollback()
            }
        }
        #expect(try store.database.queryFirst("SELECT count(*) FROM raw_messages") { $0.int(0) } == 0)
        try store.addIncoming(to: number, messageID: "big@x", raw: raw)
        try store.addIncoming(to: number, messageID: "big-again@x", raw: raw)
        #expect(try store.database.queryFirst("SELECT count(*) FROM raw_messages") { $0.int(0) } == 1)
        #expect(try store.rawMessage(sha256: SHA256.hex(of: raw)) == raw)
    }

    @Test func messagesWithoutTicketAreAllowed() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let id = try store.addIncoming(to: nil, messageID: "rejected@x")
        #expect(id > 0)
        #expect(try store.ticket(referencingMessageIDs: ["rejected@x"]) == nil)
    }

    @Test func attachmentsAreContentAddressedAndDeduplicated() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let number = try store.makeTicket().number
        let first = try store.addIncoming(to: number, messageID: "a@x")
        let second = try store.addIncoming(to: number, messageID: "b@x")
        let bytes = Array("%PDF-1.4 factura".utf8)
        let one = try store.addAttachment(messageRowID: first, filename: "factura.pdf", contentType: "application/pdf",
                                          data: bytes, inline: false, contentID: nil)
        let two = try store.addAttachment(messageRowID: second, filename: "copia.pdf", contentType: "application/pdf",
                                          data: bytes, inline: true, contentID: "cid1@x")
        let empty = try store.addAttachment(messageRowID: second, filename: nil, contentType: "text/plain",
                                            data: [], inline: false, contentID: nil)
        let sha = SHA256.hex(of: bytes)
        #expect(one.sha256 == sha && two.sha256 == sha && one.size == bytes.count)
        let path = store.attachmentPath(sha256: sha)
        #expect(path == directory.attachmentsPath + "/\(sha.prefix(2))/\(sha)")
        #expect(FileManager.default.contents(atPath: path).map { [UInt8]($0) } == bytes)
        #expect(FileManager.default.contents(atPath: store.attachmentPath(sha256: empty.sha256))?.isEmpty == true)
        let files = try FileManager.default.subpathsOfDirectory(atPath: directory.attachmentsPath).filter { $0.contains("/") }
        #expect(files.count == 2, "one file per distinct content, no temporary leftovers: \(files)")

        let messages = try store.messages(ofTicket: number)
        #expect(messages[0].attachments == [one])
        #expect(messages[1].attachments == [two, empty])
        #expect(messages[1].attachments[0].inline && messages[1].attachments[0].contentID == "cid1@x")
        #expect(throws: StoreError.self, "the message row must exist") {
            try store.addAttachment(messageRowID: 999, filename: "x", contentType: "text/plain", data: [1], inline: false, contentID: nil)
        }
    }

    @Test func detailHasMessagesEventsAndTimeLogOldestFirst() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let number = try store.makeTicket().number
        try store.addIncoming(to: number, messageID: "late@x", at: Clock.at(minutes: 9))
        try store.addIncoming(to: number, messageID: "early@x", at: Clock.at(minutes: 1))
        try store.addEvent(ticket: number, type: .acknowledgementQueued, at: Clock.at(minutes: 2), detail: "acuse")
        try store.addEvent(ticket: number, type: .created, at: Clock.at(minutes: 1), actor: "system")
        try store.addEvent(ticket: number, type: .oversized, at: Clock.at(minutes: 3))
        try store.logTime(number: number, who: "luis@empresa.com", minutes: 30, text: "revisión", at: Clock.at(minutes: 5))
        let detail = try #require(try store.ticketDetail(number: number))
        #expect(detail.summary.number == number && detail.summary.messageCount == 2)
        #expect(detail.messages.map(\.messageID) == ["early@x", "late@x"])
        #expect(detail.events.map(\.type) == [.created, .acknowledgementQueued, .oversized])
        #expect(detail.events[0].actor == "system" && detail.events[1].detail == "acuse")
        #expect(detail.timeLog.map(\.minutes) == [30] && detail.timeLog[0].who == "luis@empresa.com" && detail.timeLog[0].text == "revisión")
        #expect(try store.ticketDetail(number: "OP404") == nil)
        #expect(throws: StoreError.self) { try store.addEvent(ticket: "OP404", type: .note, at: Clock.start) }
        #expect(throws: StoreError.self) { try store.logTime(number: "OP404", who: "x", minutes: 1, text: "", at: Clock.start) }
    }

    /// The event kinds are a closed vocabulary: a kind this Buzón does not declare (written by a
    /// newer version) is reported as such, naming the kind, never shown as something else.
    @Test func anUndeclaredEventKindIsReportedNotGuessed() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let number = try store.makeTicket().number
        try store.addEvent(ticket: number, type: .created, at: Clock.start)
        try store.database.run("UPDATE events SET type = 'escalated'")
        let error = try #require(throws: StoreError.self) { try store.ticketDetail(number: number) }
        #expect(error.kind == .schemaTooNew && error.message.contains("\"escalated\""))
    }
}
