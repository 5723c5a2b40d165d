import Testing
import Foundation
import BuzonMIME
import BuzonStore
import BuzonTickets
@testable import BuzonGateway
@testable import BuzonTesting

/// What staff do outside the mail flow, and the auto-close rule on the manual clock.
@Suite struct DeskActionsTests {
    /// Opens OP10044 from Ana; returns the desk and its actions.
    private func openTicket(start: Date = TestDesk.monday10am) throws -> (TestDesk, DeskActions) {
        let desk = try TestDesk(start: start)
        try desk.receive(Mails.anaRequest())
        return (desk, desk.makeDesk())
    }

    @Test func closeSendsTheRatingInvitation() throws {
        let (desk, actions) = try openTicket()
        desk.clock.advance(by: 3600)
        try actions.close("OP10044", actor: "araceli.cruz@empresa.com")

        let detail = try desk.ticket("OP10044")
        #expect(detail.summary.state == .closed)
        #expect(detail.summary.closedAt == desk.clock.now)
        let closed = try #require(detail.events.first { $0.type == .closed })
        #expect(closed.actor == "araceli.cruz@empresa.com")
        let entry = try #require(try desk.outbox(template: "closed").first)
        #expect(entry.message.recipients == ["ana@andina.cl"])
        let notice = desk.parsed(entry)
        #expect(notice.inReplyTo == ["ana-1@andina.cl"])
        #expect(notice.subject.contains("[OP10044]"))
        #expect(notice.text.contains("del 1 (muy mala) al 5 (excelente)"))
        #expect(throws: DeskActions.ActionError.self) { try actions.close("OP10044") }
    }

    @Test func aRatingReplyToTheClosingNoticeIsRecordedAndDoesNotReopen() throws {
        let (desk, actions) = try openTicket()
        try actions.close("OP10044")
        let closingID = try #require(try desk.outbox(template: "closed").first?.message.messageID)
        desk.clock.advance(by: 600)
        let outboxBefore = try desk.outbox().count

        try desk.receive(Mails.replyAll(from: "ana@andina.cl", ticket: "OP10044", answering: closingID,
                                        id: "ana-rating@andina.cl", text: "5"))
        let detail = try desk.ticket("OP10044")
        #expect(detail.summary.state == .closed)
        let rating = try #require(detail.events.first { $0.type == .rating })
        #expect(rating.detail == "5")
        #expect(!detail.events.contains { $0.type == .reopened })
        #expect(try desk.outbox().count == outboxBefore)
    }

    @Test func reopenNoteAndTimeLog() throws {
        let (desk, actions) = try openTicket()
        #expect(throws: DeskActions.ActionError.self) { try actions.reopen("OP10044") }
        try actions.close("OP10044")
        try actions.reopen("op10044", actor: "jose.tlaxcala@empresa.com")
        #expect(try desk.ticket("OP10044").summary.state == .waitingOnSupport)
        #expect(try desk.events("OP10044", .reopened).first?.actor == "jose.tlaxcala@empresa.com")

        let outboxBefore = try desk.outbox().count
        try actions.note("OP10044", text: "Cliente usa la versión 3.2", actor: "araceli.cruz@empresa.com")
        try actions.logTime("OP10044", who: "araceli.cruz@empresa.com", minutes: 45, text: "revisión de logs")
        let detail = try desk.ticket("OP10044")
        #expect(detail.events.first { $0.type == .note }?.detail == "Cliente usa la versión 3.2")
        #expect(detail.timeLog.map(\.minutes) == [45])
        #expect(detail.timeLog.first?.who == "araceli.cruz@empresa.com")
        #expect(detail.events.contains { $0.type == .timeLogged })
        // Notes and time are internal: nothing goes out.
        #expect(try desk.outbox().count == outboxBefore)
        #expect(throws: DeskActions.ActionError.self) { try actions.note("OP99999", text: "x") }
    }

    @Test func replyFromTheCommandLineAnswersTheTicket() throws {
        let (desk, actions) = try openTicket()
        #expect(throws: DeskActions.ActionError.self) {
            try actions.reply("OP10044", from: "intruso@andina.cl", text: "hola")
        }
        try actions.reply("OP10044", from: "araceli.cruz@empresa.com", text: "Ya está corregido.")
        #expect(try desk.ticket("OP10044").summary.state == .answered)
        let entry = try #require(try desk.outbox(template: "staff_reply").first)
        #expect(entry.message.recipients == ["ana@andina.cl"])
        #expect(desk.parsed(entry).text.contains("Ya está corregido."))
        #expect(desk.parsed(entry).inReplyTo == ["ana-1@andina.cl"])
    }

    @Test func splitMakesANewTicketAndTellsTheCustomer() throws {
        let (desk, actions) = try openTicket()
        let messageRow = try #require(try desk.ticket("OP10044").messages.first { $0.direction == .incoming }?.id)
        let number = try actions.split("OP10044", message: messageRow, subject: "Error al anular facturas",
                                       actor: "araceli.cruz@empresa.com")

        #expect(number == "OP10045")
        let created = try desk.ticket(number)
        #expect(created.summary.subject == "Error al anular facturas")
        #expect(created.summary.relatedTicket == "OP10044")
        #expect(created.summary.contactAddress == "ana@andina.cl")
        #expect(created.summary.organization == "Andina Ltda.")
        #expect(created.messages.contains { $0.direction == .incoming && $0.reply.contains("error 500") })
        let copied = try #require(created.messages.first { $0.direction == .incoming })
        #expect(copied.attachments.map(\.filename) == ["error.pdf"], "the attachment travels with the split message")
        #expect(copied.attachments.first?.size == Array("%PDF-1.4 error".utf8).count)
        #expect(created.events.first { $0.type == .created }?.detail.contains("split from OP10044") == true)
        #expect(try desk.events("OP10044", .split).first?.detail.contains(number) == true)
        let notice = try #require(try desk.outbox(template: "split").first)
        #expect(notice.message.ticketNumber == number)
        #expect(notice.message.recipients == ["ana@andina.cl"])
        let parsed = desk.parsed(notice)
        #expect(parsed.subject.contains("[OP10045]"))
        #expect(parsed.text.contains("OP10044"))
        #expect(parsed.replyTo.map(\.address) == ["soporte+OP10045@empresa.com"])
    }

    /// Friday 27 Nov 2026, 16:00 in Santiago (19:00 UTC).
    static let friday4pm = Date(timeIntervalSince1970: 1_795_806_000)
    /// Tuesday 1 Dec 2026, 16:00 in Santiago: two business days later.
    static let tuesday4pm = Date(timeIntervalSince1970: 1_796_151_600)

    @Test func answeredTicketClosesItselfAfterTwoBusinessDaysNotBefore() throws {
        let (desk, actions) = try openTicket(start: Self.friday4pm.addingTimeInterval(-3600))
        desk.clock.set(Self.friday4pm)
        try actions.reply("OP10044", from: "araceli.cruz@empresa.com", text: "Listo, ¿puede confirmar?")
        #expect(try desk.ticket("OP10044").summary.answeredAt == Self.friday4pm)

        desk.clock.set(Self.tuesday4pm.addingTimeInterval(-60))
        #expect(try actions.autoClose() == [])
        #expect(try desk.ticket("OP10044").summary.state == .answered)

        desk.clock.set(Self.tuesday4pm)
        #expect(try actions.autoClose() == ["OP10044"])
        let detail = try desk.ticket("OP10044")
        #expect(detail.summary.state == .closed)
        #expect(detail.events.contains { $0.type == .autoClosed })
        let notice = try #require(try desk.outbox(template: "auto_closed").first)
        #expect(notice.message.recipients == ["ana@andina.cl"])
        #expect(desk.parsed(notice).headers["Auto-Submitted"] == "auto-replied")
        // Already closed: the next sweep does nothing.
        #expect(try actions.autoClose() == [])
    }

    @Test func aTicketWaitingOnSupportNeverAutoCloses() throws {
        let (desk, actions) = try openTicket(start: Self.friday4pm)
        desk.clock.set(Self.tuesday4pm.addingTimeInterval(86_400 * 30))
        #expect(try actions.autoClose() == [])
        #expect(try desk.ticket("OP10044").summary.state == .waitingOnSupport)
    }
}
