import BuzonMIME
import Foundation
import Testing
@testable import BuzonTickets

/// The hostile and messy cases the issue names: foreign numbers, strangers on reply-all,
/// copies to several departments, robots, storms, forged senders.
@Suite struct DecisionEngineHostileTests {
    let engine = DecisionEngine(policy: Fixtures.policy)

    @Test func foreignTicketNumberInASubjectOpensTheSendersOwnTicket() throws {
        let message = Fixtures.message(from: "luis@boreal.com.uy", subject: "RE: [OP10044] Impresora")
        let decision = try engine.decide(Fixtures.mail(message), lookup: Fixtures.lookup())
        let plan = try #require(decision.outcome.newTicket)
        #expect(plan.organization == "Boreal")
        #expect(plan.relatedTicket == nil)
        #expect(decision.ignoredReference == "OP10044")
        #expect(decision.trailText.contains("foreign reference OP10044 ignored"))
        #expect(decision.summary.contains("ignored reference OP10044"))
    }

    @Test func foreignPlusAddressFallsThroughToTheSendersOwnReference() throws {
        let message = Fixtures.message(from: "luis@boreal.com.uy", to: ["soporte+OP10044@empresa.com"], subject: "RE: [OP10050]")
        let decision = try engine.decide(Fixtures.mail(message), lookup: Fixtures.lookup())
        #expect(decision.outcome.followUp?.ticket.number == "OP10050")
        #expect(decision.rule == .subjectReference)
        #expect(decision.ignoredReference == "OP10044")
    }

    @Test func anotherOrganizationOnTheSameDomainIsForeign() throws {
        // consultor@andina.cl is listed by Consultora: it may not write on Andina's tickets.
        let message = Fixtures.message(from: "consultor@andina.cl", subject: "RE: [OP10044]")
        let decision = try engine.decide(Fixtures.mail(message), lookup: Fixtures.lookup())
        #expect(decision.outcome.newTicket?.organization == "Consultora")
        #expect(decision.ignoredReference == "OP10044")
    }

    @Test(arguments: [UnknownSenderPolicy.reject, .hold, .accept])
    func strangerOnReplyAllIsNeverSilentlyAdded(policyValue: UnknownSenderPolicy) throws {
        var policy = Fixtures.policy
        policy.unknownSender = policyValue
        // Ana's private address, not authorized by Andina, replying to all on OP10044.
        let message = Fixtures.message(from: "ana.perez@gmail.com", to: ["soporte@empresa.com", "ana@andina.cl"],
                                       subject: "RE: Impresora", inReplyTo: ["ack-10044@empresa.com"])
        let decision = try DecisionEngine(policy: policy).decide(Fixtures.mail(message), lookup: Fixtures.lookup())
        #expect(decision.outcome.followUp == nil)
        #expect(decision.ignoredReference == "OP10044")
        #expect(decision.trailText.contains("may not write on a ticket of organization Andina"))
        switch policyValue {
        case .reject: #expect(decision.outcome.reject == .unknownSender)
        case .hold: #expect(decision.outcome.hold == .unknownSender)
        case .accept: #expect(decision.outcome.newTicket?.organization == nil)
        }
    }

    /// One mail sent to soporte@, ventas@ and facturacion@: the second and third copies are
    /// duplicates of the first whatever their delivery headers.
    @Test func sameMailToThreeDepartments() throws {
        let lookup = Fixtures.lookup()
        var outcomes: [Decision] = []
        for mailbox in [Fixtures.soporte, Fixtures.ventas, Fixtures.facturacion] {
            let raw = DedupeKeyTests.raw(deliveredTo: mailbox.address, received: "by mx for \(mailbox.name)", messageID: "fac@andina.cl")
            let message = DedupeKeyTests.message(raw, messageID: "fac@andina.cl")
            let mail = Fixtures.mail(message, mailbox: mailbox, key: DedupeKey.make(message: message, raw: raw))
            let decision = try engine.decide(mail, lookup: lookup)
            lookup.record(decision, for: mail)
            outcomes.append(decision)
        }
        #expect(outcomes[0].outcome.newTicket?.department == "Soporte")
        #expect(outcomes[1].outcome.duplicate?.mailbox == "soporte")
        #expect(outcomes[2].outcome.duplicate?.mailbox == "soporte")
        #expect(outcomes[1].outcome.duplicate?.ticketNumber == outcomes[2].outcome.duplicate?.ticketNumber)
        #expect(outcomes.flatMap(\.notices).count == 1)
    }

    @Test func messageWithoutMessageIDRepolledTwice() throws {
        let lookup = Fixtures.lookup()
        let raw = DedupeKeyTests.raw(deliveredTo: "soporte@empresa.com", received: "by mx", messageID: nil)
        var decisions: [Decision] = []
        for _ in 0..<2 {
            let message = DedupeKeyTests.message(raw, messageID: nil)
            let mail = Fixtures.mail(message, key: DedupeKey.make(message: message, raw: raw))
            #expect(mail.dedupeKey.hasPrefix("hash:"))
            let decision = try engine.decide(mail, lookup: lookup)
            lookup.record(decision, for: mail)
            decisions.append(decision)
        }
        #expect(decisions[0].outcome.newTicket != nil)
        #expect(decisions[1].outcome.duplicate != nil)
    }

    /// A robot that does not say it is one, sending six different mails in an hour: each opens
    /// a ticket, the sixth acknowledgement is suppressed by the rate limit.
    @Test func autoReplyStormIsRateLimited() throws {
        let lookup = Fixtures.lookup()
        var decisions: [Decision] = []
        for minute in 0..<6 {
            let message = Fixtures.message(from: "monitor@boreal.com.uy", subject: "Alerta \(minute)", messageID: "alert-\(minute)@boreal.com.uy")
            let mail = Fixtures.mail(message, at: Fixtures.now.addingTimeInterval(Double(minute * 60)))
            let decision = try engine.decide(mail, lookup: lookup)
            lookup.record(decision, for: mail)
            decisions.append(decision)
        }
        #expect(decisions.allSatisfy { $0.outcome.newTicket != nil })
        #expect(decisions.prefix(5).allSatisfy { $0.noticeKinds == [.acknowledgement] })
        #expect(decisions[5].notices.isEmpty)
        #expect(decisions[5].suppressedNotices.first?.reason.contains("rate limit") == true)

        // An hour after the first one, acknowledgements flow again.
        let later = Fixtures.message(from: "monitor@boreal.com.uy", subject: "Alerta tarde", messageID: "late@boreal.com.uy")
        let decision = try engine.decide(Fixtures.mail(later, at: Fixtures.now.addingTimeInterval(3600 + 60)), lookup: lookup)
        #expect(decision.noticeKinds == [.acknowledgement])
    }

    static let automatic: [(name: String, message: Message, ticket: String?)] = [
        ("auto-reply In-Reply-To our acknowledgement",
         Fixtures.message(from: "ana@andina.cl", subject: "Fuera de la oficina", inReplyTo: ["ack-10044@empresa.com"],
                          autoGenerated: AutoGenerated(kind: .autoSubmitted, evidence: "Auto-Submitted: auto-replied")),
         "OP10044"),
        ("bounce naming the ticket in the subject",
         Fixtures.message(from: "MAILER-DAEMON@mx.boreal.com.uy", subject: "Undelivered: [OP10050] Factura", returnPath: ""),
         "OP10050"),
        ("auto-reply from an unknown sender that threads nowhere",
         Fixtures.message(from: "vacaciones@gmail.com", subject: "Estoy de vacaciones",
                          autoGenerated: AutoGenerated(kind: .vendorHeader, evidence: "X-Autoreply: yes")),
         nil),
        ("our own loop header",
         Fixtures.message(from: "ana@andina.cl", subject: "RE: [OP10044]", headers: [("X-Buzon-Loop", "empresa.com")]),
         "OP10044"),
    ]

    @Test(arguments: automatic.indices)
    func automaticMailIsOnlyRecorded(index: Int) throws {
        let row = Self.automatic[index]
        for unknownPolicy in UnknownSenderPolicy.allCases {
            var policy = Fixtures.policy
            policy.unknownSender = unknownPolicy
            let decision = try DecisionEngine(policy: policy).decide(Fixtures.mail(row.message), lookup: Fixtures.lookup())
            let recorded = try #require(decision.outcome.recordOnly, "\(row.name): \(decision.summary)")
            #expect(recorded.ticket?.number == row.ticket, "\(row.name)")
            #expect(decision.rule == .autoGenerated)
            #expect(decision.notices.isEmpty && decision.suppressedNotices.isEmpty)
        }
    }

    @Test func mailFromOurOwnMailboxIsOnlyRecorded() throws {
        let message = Fixtures.message(from: "ventas@empresa.com", subject: "RE: [OP10044]")
        let decision = try engine.decide(Fixtures.mail(message), lookup: Fixtures.lookup())
        #expect(decision.outcome.recordOnly?.reason == .fromOwnMailbox("ventas@empresa.com"))
        #expect(decision.outcome.recordOnly?.ticket?.number == "OP10044")
        #expect(decision.rule == .ownMailbox)
    }

    static var trustingPolicy: DeskPolicy {
        var policy = Fixtures.policy
        policy.trustedAuthservID = "mx.empresa.com"
        return policy
    }

    @Test func authenticSenderOpensATicket() throws {
        let message = Fixtures.message(from: "ana@andina.cl",
                                       headers: [("Authentication-Results", "mx.empresa.com; dkim=pass header.d=andina.cl; dmarc=pass")])
        let decision = try DecisionEngine(policy: Self.trustingPolicy).decide(Fixtures.mail(message), lookup: Fixtures.lookup())
        #expect(decision.outcome.newTicket?.organization == "Andina")
        #expect(decision.trail.contains("authenticity: dmarc=pass (mx.empresa.com)"))
    }

    /// Regression (issue #10 item 4): under `reject` a customer whose mail lacked a passing
    /// result vanished (no held entry, no notice). It is held with its reason whatever the
    /// unknown-sender policy, and never answered (the From may be forged).
    @Test func failingAuthenticityIsHeldWhateverThePolicyAndNeverAnswered() throws {
        let message = Fixtures.message(from: "ana@andina.cl", subject: "RE: [OP10044] cambie la cuenta bancaria",
                                       headers: [("Authentication-Results", "mx.empresa.com; spf=fail smtp.mailfrom=evil.test; dmarc=fail")])
        for unknownSender in [UnknownSenderPolicy.reject, .hold, .accept] {
            var policy = Self.trustingPolicy
            policy.unknownSender = unknownSender
            let decision = try DecisionEngine(policy: policy).decide(Fixtures.mail(message), lookup: Fixtures.lookup())
            #expect(decision.outcome.hold == .notAuthentic("dmarc=fail for andina.cl"), "policy \(unknownSender)")
            #expect(decision.ignoredReference == "OP10044")
            #expect(decision.notices.isEmpty)
            #expect(decision.trailText.contains("not authentic: dmarc=fail for andina.cl → treated as an unknown sender"))
        }
        let missing = Fixtures.message(from: "ana@andina.cl")
        let decision = try DecisionEngine(policy: Self.trustingPolicy).decide(Fixtures.mail(missing), lookup: Fixtures.lookup())
        #expect(decision.outcome.hold == .notAuthentic("no Authentication-Results from mx.empresa.com"))
    }

    /// `buzon messages reprocess`: a kept message is in the ledger under its own key; deciding
    /// it again runs every rule but the duplicate check.
    @Test func redecidingSkipsOnlyTheDuplicateCheck() throws {
        let message = Fixtures.message(from: "ana@andina.cl", messageID: "kept-1@andina.cl")
        let mail = Fixtures.mail(message)
        let lookup = Fixtures.lookup()
        lookup.known[mail.dedupeKey] = KnownMessage(ticketNumber: nil, mailbox: "soporte")
        let engine = DecisionEngine(policy: Fixtures.policy)
        #expect(try engine.decide(mail, lookup: lookup).rule == .duplicate)
        let again = try engine.redecide(mail, lookup: lookup)
        #expect(again.outcome.newTicket?.organization == "Andina")
        #expect(again.trail.first?.hasPrefix("decided again") == true)
        let stranger = Fixtures.mail(Fixtures.message(from: "x@gmail.com", messageID: "kept-2@gmail.com"))
        lookup.known[stranger.dedupeKey] = KnownMessage(ticketNumber: nil, mailbox: "soporte")
        #expect(try engine.redecide(stranger, lookup: lookup).outcome.reject == .unknownSender)
    }

    @Test func forgedHeaderFromAnotherServerIsIgnored() throws {
        let message = Fixtures.message(from: "carla@empresa.com", subject: "RE: [OP10050]",
                                       headers: [("Authentication-Results", "mx.evil.test; dkim=pass header.d=empresa.com; dmarc=pass")])
        let decision = try DecisionEngine(policy: Self.trustingPolicy).decide(Fixtures.mail(message), lookup: Fixtures.lookup())
        #expect(decision.outcome.followUp == nil)
        #expect(decision.outcome.hold == .notAuthentic("no Authentication-Results from mx.empresa.com"))
    }

    @Test func withoutTrustedServerTheTrailSaysNothingWasChecked() throws {
        let decision = try engine.decide(Fixtures.mail(Fixtures.message(from: "ana@andina.cl")), lookup: Fixtures.lookup())
        #expect(decision.trail.contains("authenticity not checked: no trusted_authserv_id configured"))
    }
}
