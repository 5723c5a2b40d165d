import BuzonMIME
import Foundation
import Testing
@testable import BuzonTickets

/// New tickets, unknown senders, staff, closed tickets, ratings, limits, acknowledgements.
@Suite struct DecisionEngineRulesTests {
    let engine = DecisionEngine(policy: Fixtures.policy)

    @Test func newTicketFromAnAuthorizedSender() throws {
        let message = Fixtures.message(from: "ana@andina.cl", subject: "RE: Fwd: ¿Cómo exporto a Excel?")
        let decision = try engine.decide(Fixtures.mail(message, mailbox: Fixtures.ventas), lookup: Fixtures.lookup())
        let plan = try #require(decision.outcome.newTicket)
        #expect(plan.contact.normalized == "ana@andina.cl")
        #expect(plan.organization == "Andina")
        #expect(plan.category == "Consultoría")
        #expect(plan.department == "Ventas")
        #expect(plan.subject == "¿Cómo exporto a Excel?")
        #expect(plan.relatedTicket == nil)
        #expect(plan.language == "es")
        #expect(decision.rule == .newTicket)
        #expect(decision.notices == [PlannedNotice(kind: .acknowledgement, to: Address(address: "ana@andina.cl"))])
        #expect(decision.suppressedNotices.isEmpty)
        #expect(decision.trail.contains("category Consultoría: keyword \"cómo\""))
    }

    @Test func emptySubjectGetsAPlaceholder() throws {
        let decision = try engine.decide(Fixtures.mail(Fixtures.message(from: "ana@andina.cl", subject: "RE: ")), lookup: Fixtures.lookup())
        #expect(decision.outcome.newTicket?.subject == "(sin asunto)")
    }

    @Test func duplicateIsRecognizedFirst() throws {
        let lookup = Fixtures.lookup()
        let mail = Fixtures.mail(Fixtures.message(from: "ana@andina.cl", subject: "[OP10044]"), key: "mid:abc")
        lookup.known["mid:abc"] = KnownMessage(ticketNumber: "OP10044", mailbox: "ventas")
        let decision = try engine.decide(mail, lookup: lookup)
        #expect(decision.outcome.duplicate == KnownMessage(ticketNumber: "OP10044", mailbox: "ventas"))
        #expect(decision.rule == .duplicate)
        #expect(decision.notices.isEmpty && decision.suppressedNotices.isEmpty)
    }

    struct UnknownCase: Sendable, CustomTestStringConvertible {
        var gateway: UnknownSenderPolicy
        var mailbox: UnknownSenderPolicy?
        var expected: String
        var testDescription: String { "gateway \(gateway), mailbox \(String(describing: mailbox)) → \(expected)" }
    }

    static let unknownCases: [UnknownCase] = [
        UnknownCase(gateway: .reject, mailbox: nil, expected: "reject"),
        UnknownCase(gateway: .hold, mailbox: nil, expected: "hold"),
        UnknownCase(gateway: .accept, mailbox: nil, expected: "accept"),
        UnknownCase(gateway: .reject, mailbox: .accept, expected: "accept"),
        UnknownCase(gateway: .accept, mailbox: .hold, expected: "hold"),
        UnknownCase(gateway: .hold, mailbox: .reject, expected: "reject"),
    ]

    @Test(arguments: unknownCases)
    func unknownSenderPolicy(_ row: UnknownCase) throws {
        var policy = Fixtures.policy
        policy.unknownSender = row.gateway
        var mailbox = Fixtures.soporte
        mailbox.unknownSender = row.mailbox
        let mail = Fixtures.mail(Fixtures.message(from: "desconocido@gmail.com"), mailbox: mailbox)
        let decision = try DecisionEngine(policy: policy).decide(mail, lookup: Fixtures.lookup())
        switch row.expected {
        case "reject":
            #expect(decision.outcome.reject == .unknownSender)
            #expect(decision.noticeKinds == [.notAuthorized])
            #expect(decision.rule == .unknownSender)
        case "hold":
            #expect(decision.outcome.hold == .unknownSender)
            #expect(decision.notices.isEmpty)
        default:
            #expect(decision.outcome.newTicket?.organization == nil)
            #expect(decision.outcome.newTicket?.contact.address == "desconocido@gmail.com")
            #expect(decision.noticeKinds == [.acknowledgement])
        }
    }

    @Test func staffRepliesThreadAndStaffMailWithoutTicketIsHeld() throws {
        let threaded = try engine.decide(Fixtures.mail(Fixtures.message(from: "carla@empresa.com", subject: "RE: [OP10050] Boreal")),
                                         lookup: Fixtures.lookup())
        let plan = try #require(threaded.outcome.followUp)
        #expect(plan.author == .staff)
        #expect(plan.ticket.number == "OP10050")
        #expect(plan.resultingState == .answered)
        #expect(threaded.notices.isEmpty)

        let loose = try engine.decide(Fixtures.mail(Fixtures.message(from: "carla@empresa.com", subject: "Nota interna")),
                                      lookup: Fixtures.lookup())
        #expect(loose.outcome.hold == .staffWithoutTicket)
        #expect(loose.rule == .staffWithoutTicket)
        #expect(loose.notices.isEmpty)
    }

    static let day: TimeInterval = 86_400

    @Test func replyWithinTheReopenWindowReopens() throws {
        let lookup = Fixtures.lookup()
        lookup.tickets["OP10060"]?.closedAt = Fixtures.now.addingTimeInterval(-14 * Self.day)  // exactly at the window's end
        let decision = try engine.decide(Fixtures.mail(Fixtures.message(from: "ana@andina.cl", subject: "RE: [OP10060]"),
                                                       reply: "Volvió a fallar"), lookup: lookup)
        let plan = try #require(decision.outcome.followUp)
        #expect(plan.reopens)
        #expect(plan.resultingState == .waitingOnSupport)
        #expect(decision.noticeKinds == [.reopened])
    }

    @Test func replyOneDayAfterTheWindowOpensANewTicketNamingTheOld() throws {
        let lookup = Fixtures.lookup()
        lookup.tickets["OP10060"]?.closedAt = Fixtures.now.addingTimeInterval(-15 * Self.day)
        let decision = try engine.decide(Fixtures.mail(Fixtures.message(from: "jorge@andina.cl", subject: "RE: [OP10060] Impresora"),
                                                       reply: "Volvió a fallar"), lookup: lookup)
        let plan = try #require(decision.outcome.newTicket)
        #expect(plan.relatedTicket == "OP10060")
        #expect(plan.organization == "Andina")
        #expect(plan.subject == "Impresora")
        #expect(decision.rule == .newTicket)
        #expect(decision.noticeKinds == [.newTicketForClosed])
        #expect(decision.summary.contains("names closed OP10060"))
    }

    @Test(arguments: ["5", "5 estrellas", "Calificación: 4"])
    func ratingOfAClosedTicketDoesNotReopen(reply: String) throws {
        let lookup = Fixtures.lookup()
        let decision = try engine.decide(Fixtures.mail(Fixtures.message(from: "ana@andina.cl", subject: "RE: [OP10060]"),
                                                       reply: reply), lookup: lookup)
        let plan = try #require(decision.outcome.followUp)
        #expect(plan.rating == RatingReply.rating(in: reply))
        #expect(plan.rating != nil)
        #expect(!plan.reopens)
        #expect(plan.resultingState == .closed)
        #expect(decision.notices.isEmpty)
    }

    @Test func aDigitOnAnOpenTicketIsAnOrdinaryReply() throws {
        let decision = try engine.decide(Fixtures.mail(Fixtures.message(from: "ana@andina.cl", subject: "RE: [OP10044]"), reply: "5"),
                                         lookup: Fixtures.lookup())
        #expect(decision.outcome.followUp?.rating == nil)
    }

    @Test func openTicketLimitHoldsNewRequestsOnly() throws {
        let lookup = Fixtures.lookup()
        lookup.openCounts["Andina"] = 3
        let fresh = try engine.decide(Fixtures.mail(Fixtures.message(from: "jorge@andina.cl", subject: "Otro problema")), lookup: lookup)
        #expect(fresh.outcome.hold == .openTicketLimit(organization: "Andina", limit: 3))
        #expect(fresh.rule == .openTicketLimit)
        #expect(fresh.noticeKinds == [.limitReached])

        let reply = try engine.decide(Fixtures.mail(Fixtures.message(from: "jorge@andina.cl", subject: "RE: [OP10044]")), lookup: lookup)
        #expect(reply.outcome.followUp?.ticket.number == "OP10044")

        lookup.openCounts["Andina"] = 2
        let underLimit = try engine.decide(Fixtures.mail(Fixtures.message(from: "jorge@andina.cl", subject: "Otro problema")), lookup: lookup)
        #expect(underLimit.outcome.newTicket != nil)
    }

    @Test func followUpsAreAcknowledgedOnlyWhenConfigured() throws {
        let message = Fixtures.message(from: "ana@andina.cl", subject: "RE: [OP10044]")
        let quiet = try engine.decide(Fixtures.mail(message), lookup: Fixtures.lookup())
        #expect(quiet.notices.isEmpty)
        var policy = Fixtures.policy
        policy.acknowledgeFollowUps = true
        let loud = try DecisionEngine(policy: policy).decide(Fixtures.mail(message), lookup: Fixtures.lookup())
        #expect(loud.noticeKinds == [.acknowledgement])
    }

    @Test func noreplySendersGetATicketButNoAcknowledgement() throws {
        let decision = try engine.decide(Fixtures.mail(Fixtures.message(from: "noreply@andina.cl", subject: "Alerta de sistema")),
                                         lookup: Fixtures.lookup())
        #expect(decision.outcome.newTicket?.organization == "Andina")
        #expect(decision.notices.isEmpty)
        #expect(decision.suppressedKinds == [.acknowledgement])
        #expect(decision.suppressedNotices.first?.reason.contains("noreply-style") == true)
    }

    @Test func missingSenderIsHeld() throws {
        var message = Fixtures.message(from: "x@y.z")
        message.from = nil
        let decision = try engine.decide(Fixtures.mail(message), lookup: Fixtures.lookup())
        #expect(decision.outcome.hold == .missingSender)
    }

    /// An approved held message is planned as any new ticket (the engine's rules, not the
    /// gateway's): cleaned subject or "(sin asunto)", the organization that lists the sender
    /// even over its open-ticket limit, category and department, an acknowledgement.
    @Test func approvingAHeldMessagePlansANewTicketWhateverHeldIt() throws {
        let lookup = Fixtures.lookup()
        lookup.openCounts["Andina"] = 3
        let mail = Fixtures.mail(Fixtures.message(from: "jorge@andina.cl", subject: "RE: "), mailbox: Fixtures.ventas)
        #expect(try engine.decide(mail, lookup: lookup).outcome.hold == .openTicketLimit(organization: "Andina", limit: 3))

        let approved = try #require(try engine.approveHeld(mail, keptID: 7, lookup: lookup))
        let plan = try #require(approved.outcome.newTicket)
        #expect(plan.subject == "(sin asunto)")
        #expect(plan.organization == "Andina" && plan.language == "es")
        #expect(plan.department == "Ventas")
        #expect(approved.rule == .heldApproved)
        #expect(approved.noticeKinds == [.acknowledgement])
        #expect(approved.trail.first == "kept message 7 approved by an operator")

        var anonymous = mail.message
        anonymous.from = nil
        #expect(try engine.approveHeld(Fixtures.mail(anonymous), keptID: 8, lookup: lookup) == nil)
    }
}

@Suite struct DecisionSummaryTests {
    @Test func summariesAreOneReadableLine() throws {
        let engine = DecisionEngine(policy: Fixtures.policy)
        let lookup = Fixtures.lookup()
        lookup.openCounts["Andina"] = 3
        let held = try engine.decide(Fixtures.mail(Fixtures.message(from: "jorge@andina.cl")), lookup: lookup)
        #expect(held.summary == "held: Andina has reached its limit of 3 open tickets [open_ticket_limit]; notices: limit_reached")

        let fresh = try engine.decide(Fixtures.mail(Fixtures.message(from: "luis@boreal.com.uy", subject: "Cambio de plan")),
                                      lookup: Fixtures.lookup())
        #expect(fresh.summary == "new ticket for luis@boreal.com.uy (Boreal), Soporte/Cambio [new_ticket]; notices: acknowledgement")

        let rejected = try engine.decide(Fixtures.mail(Fixtures.message(from: "x@gmail.com")), lookup: Fixtures.lookup())
        #expect(rejected.summary == "rejected: unknown sender [unknown_sender]; notices: not_authorized")
        #expect(!rejected.summary.contains("\n"))
    }

    @Test func incomingMailComputesItsDedupeKey() {
        let message = Fixtures.message(from: "ana@andina.cl", messageID: "m1@andina.cl")
        let mail = IncomingMail(message: message, raw: [], reply: "", mailbox: Fixtures.soporte, receivedAt: Fixtures.now)
        #expect(mail.dedupeKey == DedupeKey.make(message: message, raw: []))
        #expect(mail.dedupeKey.hasPrefix("mid:"))
    }
}
