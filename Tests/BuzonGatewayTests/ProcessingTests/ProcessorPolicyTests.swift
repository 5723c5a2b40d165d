import Testing
import Foundation
import BuzonMIME
import BuzonStore
import BuzonTickets
@testable import BuzonGateway
@testable import BuzonTesting

/// Mail that does not simply open a ticket: strangers, limits, held review, bounces.
@Suite struct ProcessorPolicyTests {
    @Test func unauthorizedSenderGetsNoTicketButANotAuthorizedNotice() throws {
        let desk = try TestDesk()
        let mail = TestMail(from: "Desconocido <desconocido@gmail.com>", to: ["soporte@empresa.com"],
                            subject: "Necesito ayuda", body: "¿Me ayudan?", messageID: "x-1@gmail.com")
        let result = try desk.receive(mail)

        #expect(result.ticketNumber == nil)
        #expect(result.decision.rule == .unknownSender)
        #expect(try desk.tickets().isEmpty)
        let entries = try desk.outbox()
        #expect(entries.map(\.message.template) == ["not_authorized"])
        let entry = try #require(entries.first)
        #expect(entry.message.recipients == ["desconocido@gmail.com"])
        #expect(entry.message.ticketNumber == nil)
        let notice = desk.parsed(entry)
        #expect(notice.inReplyTo == ["x-1@gmail.com"])
        #expect(notice.headers["Auto-Submitted"] == "auto-replied")
        #expect(notice.replyTo.map(\.address) == ["soporte@empresa.com"])
        // Recorded in the ledger: the same mail again is a duplicate, not a second notice.
        #expect(try desk.receive(mail).decision.rule == .duplicate)
        #expect(try desk.outbox().count == 1)
    }

    @Test func openTicketLimitHoldsTheRequestAndTellsTheSender() throws {
        var options = TestDesk.Options()
        options.maxOpenTickets = 1
        let desk = try TestDesk(options)
        try desk.receive(Mails.anaRequest())
        let result = try desk.receive(Mails.request(2, from: "luis@andina.cl"))

        #expect(result.ticketNumber == nil)
        #expect(result.decision.rule == .openTicketLimit)
        #expect(try desk.tickets().count == 1)
        let held = try desk.store.heldMessages()
        #expect(held.count == 1)
        #expect(held.first?.message.fromAddress == "luis@andina.cl")
        #expect(held.first?.message.mailbox == "soporte")
        let notice = try #require(try desk.outbox(template: "limit_reached").first)
        #expect(notice.message.recipients == ["luis@andina.cl"])
        #expect(notice.message.ticketNumber == nil)
    }

    @Test func approvingAHeldMessageOpensItsTicketWithAcknowledgement() throws {
        var options = TestDesk.Options()
        options.maxOpenTickets = 1
        let desk = try TestDesk(options)
        try desk.receive(Mails.anaRequest())
        try desk.receive(Mails.request(2, from: "luis@andina.cl"))
        let id = try #require(try desk.store.heldMessages().first?.id)

        let number = try desk.makeDesk().approveHeld(id: id)
        #expect(number == "OP10045")
        #expect(try desk.store.heldMessages().isEmpty)
        let detail = try desk.ticket(number)
        #expect(detail.summary.contactAddress == "luis@andina.cl")
        #expect(detail.messages.contains { $0.messageID == "req-2@andina.cl" && $0.direction == .incoming })
        #expect(detail.events.map(\.type.rawValue).contains("held_approved"))
        let ack = try #require(try desk.outbox(template: "acknowledgement").first { $0.message.ticketNumber == number })
        #expect(ack.message.recipients == ["luis@andina.cl"])
        #expect(throws: DeskActions.ActionError.self) { try desk.makeDesk().approveHeld(id: id) }
        // The same mail polled again (e.g. never marked) stays one ticket.
        #expect(try desk.receive(Mails.request(2, from: "luis@andina.cl")).decision.rule == .duplicate)
        #expect(try desk.tickets().count == 2)
    }

    @Test func discardingAHeldMessageKeepsItAwayForGood() throws {
        var options = TestDesk.Options()
        options.maxOpenTickets = 1
        let desk = try TestDesk(options)
        try desk.receive(Mails.anaRequest())
        let held = Mails.request(2, from: "luis@andina.cl")
        try desk.receive(held)
        let id = try #require(try desk.store.heldMessages().first?.id)
        let outboxBefore = try desk.outbox().count

        try desk.makeDesk().discardHeld(id: id)
        #expect(try desk.store.heldMessages().isEmpty)
        #expect(try desk.tickets().count == 1)
        // A re-poll of the same message does not bring it back.
        #expect(try desk.receive(held).decision.rule == .duplicate)
        #expect(try desk.store.heldMessages().isEmpty)
        #expect(try desk.outbox().count == outboxBefore)
        #expect(throws: DeskActions.ActionError.self) { try desk.makeDesk().discardHeld(id: id) }
    }

    @Test func bounceOfOurAcknowledgementIsAnEventOnItsTicketAndNeverAnswered() throws {
        let desk = try TestDesk()
        try desk.receive(Mails.anaRequest())
        let ack = try #require(try desk.outbox(template: "acknowledgement").first)
        let result = try desk.processor.process(Self.bounce(returning: ack.message.bytes), mailbox: desk.mailbox("soporte"))

        #expect(result.decision.rule == .autoGenerated)
        #expect(result.ticketNumber == "OP10044")
        #expect(try desk.events("OP10044", .bounceReceived).count == 1)
        #expect(try desk.tickets().count == 1)
        #expect(try desk.ticket("OP10044").summary.state == .waitingOnSupport)
        #expect(try desk.outbox().count == 1)
    }

    /// A delivery status notification (RFC 3464) returning `returned` whole.
    static func bounce(returning returned: [UInt8]) -> [UInt8] {
        let head = [
            "From: Mail Delivery System <MAILER-DAEMON@mx.andina.cl>",
            "To: soporte@empresa.com",
            "Subject: Undelivered Mail Returned to Sender",
            "Message-ID: <bounce-1@mx.andina.cl>",
            "Date: Mon, 23 Nov 2026 10:05:00 -0300",
            "MIME-Version: 1.0",
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"",
            "",
            "--b1",
            "Content-Type: text/plain; charset=us-ascii",
            "",
            "<ana@andina.cl>: mailbox full",
            "--b1",
            "Content-Type: message/delivery-status",
            "",
            "Reporting-MTA: dns; mx.andina.cl",
            "",
            "Final-Recipient: rfc822; ana@andina.cl",
            "Action: failed",
            "Status: 5.2.2",
            "--b1",
            "Content-Type: message/rfc822",
            "",
        ].joined(separator: "\r\n") + "\r\n"
        return Array(head.utf8) + returned + Array("\r\n--b1--\r\n".utf8)
    }
}
