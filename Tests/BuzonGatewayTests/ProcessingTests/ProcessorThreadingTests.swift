import Testing
import Foundation
import BuzonMIME
import BuzonStore
import BuzonTickets
@testable import BuzonGateway
@testable import BuzonTesting

/// Replies that belong to an existing ticket: customers, colleagues, staff, copies, strangers.
@Suite struct ProcessorThreadingTests {
    /// Opens OP10044 from Ana and returns the Message-ID of its acknowledgement.
    private func openTicket(_ desk: TestDesk) throws -> String {
        try desk.receive(Mails.anaRequest())
        return try #require(try desk.outbox(template: "acknowledgement").first?.message.messageID)
    }

    @Test func replyAllWithQuotedHistoryLandsOnTheTicketTrimmed() throws {
        let desk = try TestDesk()
        let ackID = try openTicket(desk)
        try desk.store.setState(number: "OP10044", state: .answered, at: desk.clock.now)
        desk.clock.advance(by: 600)

        let reply = Mails.replyAll(from: "Ana Pérez <ana@andina.cl>", ticket: "OP10044", answering: ackID,
                                   id: "ana-2@andina.cl", text: "Ya reinicié el servidor y sigue igual.")
        let result = try desk.receive(reply)

        #expect(result.ticketNumber == "OP10044")
        #expect(try desk.tickets().count == 1)
        let detail = try desk.ticket("OP10044")
        #expect(detail.summary.state == .waitingOnSupport)
        let stored = try #require(detail.messages.first { $0.messageID == "ana-2@andina.cl" })
        #expect(stored.reply.trimmingCharacters(in: .whitespacesAndNewlines) == "Ya reinicié el servidor y sigue igual.")
        #expect(!stored.reply.contains("Estimado"))
        #expect(detail.events.map(\.type).contains(.customerReplied))
        // No acknowledgement for a follow-up (acknowledge_follow_ups is off).
        #expect(try desk.outbox().count == 1)
    }

    @Test func staffReplyByMailGoesToTheCustomerAndColleaguesWhoWrote() throws {
        let desk = try TestDesk()
        let ackID = try openTicket(desk)
        // A colleague of Ana joins by reply-all.
        try desk.receive(Mails.replyAll(from: "Pedro Soto <pedro@andina.cl>", ticket: "OP10044", answering: ackID,
                                        id: "pedro-1@andina.cl", text: "A mí también me pasa.", cc: ["ana@andina.cl"]))
        #expect(try desk.eventTypes("OP10044").contains("participant_added"))
        desk.clock.advance(by: 3600)

        let staff = TestMail(from: "Araceli Cruz <araceli.cruz@empresa.com>", to: ["soporte+OP10044@empresa.com"],
                             subject: "RE: [OP10044] No puedo emitir facturas",
                             body: "Hola Ana, ya quedó corregido el error.\n\nSaludos, Araceli",
                             messageID: "araceli-1@empresa.com")
        let result = try desk.receive(staff)
        #expect(result.ticketNumber == "OP10044")

        let detail = try desk.ticket("OP10044")
        #expect(detail.summary.state == .answered)
        #expect(detail.summary.firstResponseAt == desk.clock.now)
        #expect(detail.events.map(\.type).contains(.staffReplied))
        let entry = try #require(try desk.outbox(template: "staff_reply").first)
        #expect(Set(entry.message.recipients) == ["ana@andina.cl", "pedro@andina.cl"])
        #expect(!entry.message.automatic)
        let sent = desk.parsed(entry)
        #expect(sent.to.map(\.address) == ["ana@andina.cl"])
        #expect(sent.cc.map(\.address) == ["pedro@andina.cl"])
        #expect(sent.headers["Auto-Submitted"] == nil)
        #expect(sent.text.contains("ya quedó corregido"))
        #expect(sent.subject.contains("[OP10044]"))
        #expect(sent.replyTo.map(\.address) == ["soporte+OP10044@empresa.com"])
        // The staff mail itself is on the ticket as a staff message, not as a customer's.
        let stored = try #require(detail.messages.first { $0.messageID == "araceli-1@empresa.com" })
        #expect(stored.author == .staff)
    }

    /// Staff who reply-all keeping the customer in To already delivered the answer: the
    /// gateway copies only the colleagues the staff member left out, never the same text twice.
    @Test func staffReplyAllDoesNotSendTheCustomerTheAnswerTwice() throws {
        let desk = try TestDesk()
        let ackID = try openTicket(desk)
        try desk.receive(Mails.replyAll(from: "Pedro Soto <pedro@andina.cl>", ticket: "OP10044", answering: ackID,
                                        id: "pedro-1@andina.cl", text: "A mí también me pasa.", cc: ["ana@andina.cl"]))
        let direct = TestMail(from: "Araceli Cruz <araceli.cruz@empresa.com>",
                              to: ["ana@andina.cl"], cc: ["soporte+OP10044@empresa.com"],
                              subject: "RE: [OP10044] No puedo emitir facturas",
                              body: "Hola Ana, ya quedó corregido.", messageID: "araceli-2@empresa.com")
        try desk.receive(direct)
        let entry = try #require(try desk.outbox(template: "staff_reply").first)
        #expect(entry.message.recipients == ["pedro@andina.cl"], "Ana got it from Araceli directly")

        var everyone = direct
        everyone.cc = ["soporte+OP10044@empresa.com", "pedro@andina.cl"]
        everyone.messageID = "araceli-3@empresa.com"
        try desk.receive(everyone)
        #expect(try desk.outbox(template: "staff_reply").count == 1, "nobody left to copy: nothing queued")
        #expect(try desk.ticket("OP10044").summary.state == .answered)
    }

    @Test func sameMailInTwoMailboxesIsOneTicketWithOneAcknowledgement() throws {
        let desk = try TestDesk()
        var mail = Mails.anaRequest()
        mail.to = ["soporte@empresa.com", "ventas@empresa.com"]
        let first = try desk.receive(mail, in: "soporte")
        let second = try desk.receive(mail, in: "ventas")

        #expect(first.ticketNumber == "OP10044")
        #expect(second.decision.rule == .duplicate)
        #expect(second.ticketNumber == "OP10044")
        #expect(try desk.tickets().count == 1)
        #expect(try desk.outbox(template: "acknowledgement").count == 1)
        #expect(try desk.incomingMessageIDs() == ["ana-1@andina.cl"])
        let duplicate = try desk.events("OP10044", .duplicateIgnored)
        #expect(duplicate.count == 1)
        #expect(duplicate.first?.detail.contains("ventas") == true)
    }

    @Test func foreignReferenceIsRecordedOnTheForeignTicketAndNeverFollowed() throws {
        let desk = try TestDesk()
        _ = try openTicket(desk)
        let foreign = TestMail(from: "it@pacifictraders.com", to: ["soporte@empresa.com"],
                               subject: "[OP10044] Our invoices fail too", body: "Same problem here.",
                               messageID: "pt-1@pacifictraders.com")
        let result = try desk.receive(foreign)

        #expect(result.ticketNumber == "OP10045")
        #expect(try desk.ticket("OP10045").summary.organization == "Pacific Traders")
        let ignored = try desk.events("OP10044", .foreignReferenceIgnored)
        #expect(ignored.count == 1)
        #expect(ignored.first?.detail.contains("it@pacifictraders.com") == true)
        #expect(ignored.first?.detail.contains("OP10045") == true)
        // Andina's ticket got no message from Pacific.
        #expect(try desk.ticket("OP10044").messages.allSatisfy { $0.messageID != "pt-1@pacifictraders.com" })
        // Pacific's acknowledgement is in English (its organization's language).
        let ack = try #require(try desk.outbox(template: "acknowledgement").first { $0.message.ticketNumber == "OP10045" })
        #expect(ack.message.recipients == ["it@pacifictraders.com"])
        #expect(desk.parsed(ack).text.contains("Please type your reply above this line"))
    }
}
