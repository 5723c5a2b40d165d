import Testing
import Foundation
import BuzonMIME
import BuzonStore
import BuzonTickets
@testable import BuzonGateway
@testable import BuzonTesting

/// The desk must never talk to itself or flood anyone (RFC 3834), and per-mailbox policy.
@Suite struct ProcessorLoopGuardTests {
    @Test func ourOwnAcknowledgementComingBackIsNeverAnswered() throws {
        let desk = try TestDesk()
        try desk.receive(Mails.anaRequest())
        let ack = try #require(try desk.outbox(template: "acknowledgement").first)
        // E.g. the customer's server forwards it back, or soporte@ is on a list it writes to.
        let result = try desk.processor.process(ack.message.bytes, mailbox: desk.mailbox("ventas"))

        #expect(result.queuedNotices.isEmpty)
        #expect(result.ticketNumber == "OP10044")
        #expect(try desk.tickets().count == 1)
        #expect(try desk.outbox().count == 1)
        #expect(try desk.ticket("OP10044").summary.state == .waitingOnSupport)
    }

    @Test func automaticNoticesToOneAddressAreCappedPerHour() throws {
        var options = TestDesk.Options()
        options.maxAutoRepliesPerHour = 2
        let desk = try TestDesk(options)
        for index in 1...3 {
            try desk.receive(Mails.request(index))
            desk.clock.advance(by: 60)
        }
        #expect(try desk.tickets().count == 3)
        #expect(try desk.outbox(template: "acknowledgement").count == 2)

        // An hour after the first acknowledgement, one more may go.
        desk.clock.advance(by: 3600)
        try desk.receive(Mails.request(4))
        #expect(try desk.outbox(template: "acknowledgement").count == 3)
    }

    @Test func mailboxOverrideHoldsUnknownSendersWithoutNotice() throws {
        var options = TestDesk.Options()
        options.ventasUnknownSender = "hold"
        let desk = try TestDesk(options)
        let mail = TestMail(from: "comprador@otra.cl", to: ["ventas@empresa.com"], subject: "Cotización",
                            body: "¿Precio por 10 licencias?", messageID: "c-1@otra.cl")
        let inVentas = try desk.receive(mail, in: "ventas")
        #expect(inVentas.ticketNumber == nil)
        #expect(try desk.store.heldMessages().map(\.message.mailbox) == ["ventas"])
        #expect(try desk.outbox().isEmpty)
        // The same sender at soporte@ follows the gateway-wide "reject".
        var other = mail
        other.messageID = "c-2@otra.cl"
        other.to = ["soporte@empresa.com"]
        try desk.receive(other, in: "soporte")
        #expect(try desk.outbox().map(\.message.template) == ["not_authorized"])
        #expect(try desk.store.heldMessages().count == 1)
    }

    @Test func staffAnswerByMailForwardsItsAttachments() throws {
        let desk = try TestDesk()
        try desk.receive(Mails.anaRequest())
        var staff = TestMail(from: "jose.tlaxcala@empresa.com", to: ["soporte+OP10044@empresa.com"],
                             subject: "[OP10044] No puedo emitir facturas", body: "Adjunto el parche.",
                             messageID: "jose-1@empresa.com")
        staff.attachment = (filename: "parche.zip", contentType: "application/zip", data: [0x50, 0x4b, 0x03, 0x04, 1, 2, 3])
        try desk.receive(staff)

        let entry = try #require(try desk.outbox(template: "staff_reply").first)
        let sent = desk.parsed(entry)
        #expect(sent.attachments.map(\.filename) == ["parche.zip"])
        #expect(sent.attachments.first?.data == [0x50, 0x4b, 0x03, 0x04, 1, 2, 3])
        #expect(sent.text.contains("Adjunto el parche."))
    }
}
