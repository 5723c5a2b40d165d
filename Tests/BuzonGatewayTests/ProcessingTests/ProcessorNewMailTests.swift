import Testing
import Foundation
import BuzonMIME
import BuzonStore
import BuzonTickets
@testable import BuzonGateway
@testable import BuzonTesting

/// A first mail from a customer: the ticket, what is kept of the mail, and the acknowledgement.
@Suite struct ProcessorNewMailTests {
    @Test func newMailOpensTicketKeepsEverythingAndQueuesAcknowledgement() throws {
        let desk = try TestDesk()
        let mail = Mails.anaRequest()
        let result = try desk.receive(mail)

        #expect(result.ticketNumber == "OP10044")
        #expect(result.decision.rule == .newTicket)
        let detail = try desk.ticket("OP10044")
        #expect(detail.summary.state == .waitingOnSupport)
        #expect(detail.summary.organization == "Andina Ltda.")
        #expect(detail.summary.contactAddress == "ana@andina.cl")
        #expect(detail.summary.subject == "No puedo emitir facturas")
        #expect(detail.summary.department == "Soporte")

        let incoming = try #require(detail.messages.first { $0.direction == .incoming })
        #expect(incoming.messageID == "ana-1@andina.cl")
        #expect(incoming.author == .customer)
        #expect(incoming.reply.contains("error 500"))
        // The raw bytes are kept, byte for byte.
        let sha = try #require(incoming.rawSHA256)
        #expect(try desk.store.rawMessage(sha256: sha) == mail.bytes)
        // The attachment is a file in the content-addressed directory.
        let attachment = try #require(incoming.attachments.first)
        #expect(attachment.filename == "error.pdf")
        #expect(attachment.contentType == "application/pdf")
        let onDisk = FileManager.default.contents(atPath: desk.store.attachmentPath(sha256: attachment.sha256))
        #expect(onDisk.map { Array($0) } == Array("%PDF-1.4 error".utf8))

        let types = detail.events.map(\.type)
        #expect(types.contains(.created))
        #expect(types.contains(.acknowledgementQueued))
        #expect(try desk.outbox().count == 1)
    }

    @Test func acknowledgementThreadsToTheCustomerAndGuardsAgainstLoops() throws {
        let desk = try TestDesk()
        try desk.receive(Mails.anaRequest())
        let entry = try #require(try desk.outbox(template: "acknowledgement").first)
        #expect(entry.message.recipients == ["ana@andina.cl"])
        #expect(entry.message.ticketNumber == "OP10044")
        #expect(entry.message.automatic)
        #expect(entry.status == .queued)

        let ack = desk.parsed(entry)
        #expect(ack.inReplyTo == ["ana-1@andina.cl"])
        #expect(ack.references.contains("ana-1@andina.cl"))
        #expect(ack.replyTo.map(\.address) == ["soporte+OP10044@empresa.com"])
        #expect(ack.from?.address == "soporte@empresa.com")
        #expect(ack.to.map(\.address) == ["ana@andina.cl"])
        #expect(ack.headers["Auto-Submitted"] == "auto-replied")
        #expect(ack.headers["X-Buzon-Loop"] == "empresa.com")
        #expect(ack.subject.contains("[OP10044]"))
        #expect(ack.subject.contains("No puedo emitir facturas"))
        #expect(ack.text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix(Mails.marker))
        #expect(ack.text.contains("Ana Pérez"))
        #expect(ack.messageID == entry.message.messageID)
        #expect(ack.messageID?.hasSuffix("@empresa.com") == true)
        #expect(ack.headers["X-Buzon-Ticket"] == "OP10044")
        #expect(ack.date == desk.clock.now)
        // The acknowledgement is on the ticket's timeline too, so a reply to it threads.
        let outgoing = try desk.ticket("OP10044").messages.filter { $0.direction == .outgoing }
        #expect(outgoing.map(\.messageID) == [entry.message.messageID])
    }

    @Test func explainDecidesWithoutWritingAnything() throws {
        let desk = try TestDesk()
        let decision = try desk.processor.explain(Mails.anaRequest().bytes, mailbox: desk.mailbox("soporte"))
        #expect(decision.rule == .newTicket)
        #expect(decision.notices.map(\.to.address) == ["ana@andina.cl"])
        #expect(try desk.tickets().isEmpty)
        #expect(try desk.outbox().isEmpty)
        // Explaining leaves no ledger entry: the real mail still opens its ticket.
        #expect(try desk.receive(Mails.anaRequest()).decision.rule == .newTicket)
    }

    @Test func ticketsAreNumberedInOrder() throws {
        let desk = try TestDesk()
        let first = try desk.receive(Mails.request(1))
        let second = try desk.receive(Mails.request(2, from: "luis@andina.cl"))
        #expect(first.ticketNumber == "OP10044")
        #expect(second.ticketNumber == "OP10045")
    }

    @Test func oversizedMailKeepsWhatWasFetchedWithANoteAndAnEvent() throws {
        let desk = try TestDesk()
        let mail = Mails.request(1)
        let result = try desk.processor.process(mail.bytes, mailbox: desk.mailbox("soporte"), truncatedFrom: 40_000_000)
        let number = try #require(result.ticketNumber)
        let oversized = try desk.events(number, .oversized)
        #expect(oversized.count == 1)
        #expect(oversized.first?.detail.contains("40000000 bytes") == true)
        let incoming = try #require(try desk.ticket(number).messages.first { $0.direction == .incoming })
        #expect(incoming.body.hasPrefix("[Buzón: message of 40000000 bytes exceeds the size limit"))
        #expect(incoming.body.contains("Texto de la solicitud 1."))
    }
}
