import BuzonMIME
import Foundation
import Testing
@testable import BuzonTickets

/// Which ticket a message continues, and by which rule.
@Suite struct DecisionEngineThreadingTests {
    let engine = DecisionEngine(policy: Fixtures.policy)

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var message: Message
        var ticket: String?
        var rule: DecisionRule
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plus-address in To", message: Fixtures.message(from: "ana@andina.cl", to: ["soporte+OP10044@empresa.com"],
                                                                  subject: "sin referencia"),
             ticket: "OP10044", rule: .plusAddress),
        Case(name: "plus-address in Cc", message: Fixtures.message(from: "ana@andina.cl", to: ["jorge@andina.cl"],
                                                                  cc: ["Soporte+op10044@EMPRESA.com"], subject: "hola"),
             ticket: "OP10044", rule: .plusAddress),
        Case(name: "plus-address wins over the subject",
             message: Fixtures.message(from: "ana@andina.cl", to: ["soporte+OP10044@empresa.com"], subject: "RE: [OP10060]"),
             ticket: "OP10044", rule: .plusAddress),
        Case(name: "plus-address of another mailbox does not count",
             message: Fixtures.message(from: "ana@andina.cl", to: ["ventas+OP10044@empresa.com"], subject: "hola"),
             ticket: nil, rule: .newTicket),
        Case(name: "subject wins over In-Reply-To",
             message: Fixtures.message(from: "ana@andina.cl", subject: "RE: [OP10044] x", inReplyTo: ["unknown@x"]),
             ticket: "OP10044", rule: .subjectReference),
        Case(name: "In-Reply-To our acknowledgement",
             message: Fixtures.message(from: "ana@andina.cl", subject: "RE: Impresora", inReplyTo: ["ack-10044@empresa.com"]),
             ticket: "OP10044", rule: .inReplyTo),
        Case(name: "References when In-Reply-To is unknown",
             message: Fixtures.message(from: "ana@andina.cl", subject: "RE: Impresora", inReplyTo: ["lost@x"],
                                       references: ["first-10044@andina.cl", "lost@x"]),
             ticket: "OP10044", rule: .references),
        Case(name: "reference to a ticket that does not exist",
             message: Fixtures.message(from: "ana@andina.cl", subject: "RE: [OP99999] Impresora"),
             ticket: nil, rule: .newTicket),
        Case(name: "nothing to thread by", message: Fixtures.message(from: "ana@andina.cl"), ticket: nil, rule: .newTicket),
    ] + prefixStyles.map { subject in
        Case(name: "subject \(subject)", message: Fixtures.message(from: "jorge@andina.cl", subject: subject),
             ticket: "OP10044", rule: .subjectReference)
    }

    static let prefixStyles = [
        "[OP10044] Impresora", "RE: [OP10044] Impresora", "RV: [OP10044] Impresora", "Fwd: [OP10044] Impresora",
        "FW: [OP10044] Impresora", "RE: RE: [OP10044] Impresora", "AW: [OP10044] Impresora", "SV: [OP10044] Impresora",
        "Antw: [OP10044] Impresora", "RE: [#OP10044] Impresora", "Re: sigue igual OP10044", "Re: #op10044",
    ]

    @Test(arguments: cases)
    func threads(_ row: Case) throws {
        let decision = try engine.decide(Fixtures.mail(row.message), lookup: Fixtures.lookup())
        #expect(decision.rule == row.rule, "\(decision.trail)")
        if let ticket = row.ticket {
            #expect(decision.outcome.followUp?.ticket.number == ticket, "\(decision.summary)")
        } else {
            #expect(decision.outcome.newTicket != nil, "\(decision.summary)")
        }
        #expect(decision.ignoredReference == nil)
    }

    @Test func trailExplainsThePlusAddress() throws {
        let message = Fixtures.message(from: "ana@andina.cl", to: ["soporte+OP10044@empresa.com"])
        let decision = try engine.decide(Fixtures.mail(message), lookup: Fixtures.lookup())
        #expect(decision.trail.contains("sender ana@andina.cl authorized by organization Andina (@andina.cl)"))
        #expect(decision.trail.contains("plus-address soporte+OP10044@empresa.com → OP10044"))
        #expect(decision.summary == "follow-up on OP10044 by customer [plus_address]")
    }

    @Test func colleaguesJoinAsNewParticipantsOnce() throws {
        let lookup = Fixtures.lookup()
        let byContact = try engine.decide(Fixtures.mail(Fixtures.message(from: "Ana@Andina.cl", subject: "RE: [OP10044]")), lookup: lookup)
        #expect(byContact.outcome.followUp?.newParticipant == false)

        let byColleague = try engine.decide(Fixtures.mail(Fixtures.message(from: "jorge@andina.cl", subject: "RE: [OP10044]")), lookup: lookup)
        #expect(byColleague.outcome.followUp?.newParticipant == true)
        #expect(byColleague.outcome.followUp?.author == .customer)
        #expect(byColleague.outcome.followUp?.resultingState == .waitingOnSupport)

        lookup.tickets["OP10044"]?.participants = ["jorge@andina.cl"]
        let again = try engine.decide(Fixtures.mail(Fixtures.message(from: "jorge@andina.cl", subject: "RE: [OP10044]")), lookup: lookup)
        #expect(again.outcome.followUp?.newParticipant == false)
    }

    @Test func ticketsWithoutOrganizationBelongToTheirContact() throws {
        var policy = Fixtures.policy
        policy.unknownSender = .accept
        let engine = DecisionEngine(policy: policy)
        let contact = try engine.decide(Fixtures.mail(Fixtures.message(from: "pedro@gmail.com", subject: "RE: [OP10070]")),
                                        lookup: Fixtures.lookup())
        #expect(contact.outcome.followUp?.ticket.number == "OP10070")

        let stranger = try engine.decide(Fixtures.mail(Fixtures.message(from: "juan@gmail.com", subject: "RE: [OP10070]")),
                                         lookup: Fixtures.lookup())
        #expect(stranger.outcome.newTicket?.organization == nil)
        #expect(stranger.ignoredReference == "OP10070")
    }
}
