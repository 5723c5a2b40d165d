import Testing
import Foundation
import BuzonMIME
import BuzonStore
import BuzonTickets
@testable import BuzonGateway
import BuzonConfig
@testable import BuzonTesting

/// Issue #10 item 4: every message Buzón decides not to ticket is kept (raw bytes + decision)
/// and can be listed and decided again; only automatic mail is recorded without a review entry.
@Suite struct ProcessorKeptTests {
    static let stranger = TestMail(from: "Mario <mario@gmail.com>", to: ["soporte@empresa.com"],
                                   subject: "Necesito ayuda", body: "¿Me ayudan con la factura?", messageID: "mario-1@gmail.com")

    /// The same desk's store, seen through a configuration changed by the operator.
    static func processor(_ desk: TestDesk, gateway: String = "", authorizing extra: [String] = []) throws -> MessageProcessor {
        var text = TestDesk.configText(TestDesk.Options()).replacingOccurrences(of: "authorized = [\"@andina.cl\"]",
            with: "authorized = [\"@andina.cl\"\(extra.map { ", \"\($0)\"" }.joined())]")
        text = text.replacingOccurrences(of: "[business_hours]", with: gateway + "\n\n[business_hours]")
        let config = try GatewayConfig.parse(text, file: desk.configPath, baseDirectory: desk.directory.path)
        let templates = try TemplateSet.load(directory: Repository.templates, languages: config.languages,
                                             timeZone: config.calendar.timeZone)
        let clock = desk.clock
        return MessageProcessor(runtime: GatewayRuntime(config: config, templates: templates), store: desk.store,
                                clock: { clock.now }, logger: desk.logger)
    }

    /// The desk actions of a processor made by `processor(_:gateway:authorizing:)`: same configuration.
    static func actions(_ processor: MessageProcessor, _ desk: TestDesk) -> DeskActions {
        let clock = desk.clock
        return DeskActions(runtime: processor.runtime, store: desk.store, clock: { clock.now }, logger: desk.logger)
    }

    /// Regression: mail refused under `unknown_sender = "reject"` was stored nowhere; a config
    /// fix could not bring it back (re-delivering it said "duplicate").
    @Test func rejectedMailIsKeptAndBecomesATicketWhenReprocessedAfterAuthorizing() throws {
        let desk = try TestDesk()
        let first = try desk.receive(Self.stranger)
        #expect(first.decision.rule == .unknownSender && first.ticketNumber == nil)
        let rejected = try desk.store.keptMessages(.rejected)
        try #require(rejected.count == 1)
        #expect(rejected[0].message.reasonCode == "unknown_sender")
        #expect(rejected[0].message.fromAddress == "mario@gmail.com")
        #expect(try desk.store.keptMessage(id: rejected[0].id)?.message.raw == Self.stranger.bytes)
        #expect(try desk.store.heldMessages().isEmpty)

        // Decided again with the same configuration: rejected again, kept once, not a duplicate.
        let again = try desk.makeDesk().reprocessKept(id: rejected[0].id)
        #expect(again.decision.rule == .unknownSender)
        let keptAgain = try desk.store.keptMessages(.rejected)
        #expect(keptAgain.map(\.id) == [try #require(again.keptID)])

        desk.clock.advance(by: 60)
        let authorized = try Self.processor(desk, authorizing: ["mario@gmail.com"])
        let reprocessed = try Self.actions(authorized, desk).reprocessKept(id: keptAgain[0].id)
        let number = try #require(reprocessed.ticketNumber)
        #expect(reprocessed.decision.rule == .newTicket)
        #expect(reprocessed.keptID == nil)
        #expect(try desk.store.keptMessages().isEmpty)
        #expect(try desk.ticket(number).messages.contains { $0.messageID == "mario-1@gmail.com" && $0.direction == .incoming })
        #expect(try desk.outbox(template: "acknowledgement").map(\.message.recipients) == [["mario@gmail.com"]])
        // The ledger entry now points at the ticket: the same mail again is its duplicate.
        #expect(try desk.store.knownMessage(dedupeKey: first.dedupeKey)?.ticketNumber == number)
        #expect(try authorized.process(Self.stranger.bytes, mailbox: desk.mailbox("soporte")).decision.rule == .duplicate)
        #expect(throws: DeskActions.ActionError.self) { try Self.actions(authorized, desk).reprocessKept(id: keptAgain[0].id) }
    }

    /// Regression: with `trusted_authserv_id` set, an authorized customer whose mail lacks a
    /// passing result was rejected with no trace. It is held with its reason, and approvable.
    @Test func mailFailingAuthenticityIsHeldWithItsReasonAndApprovable() throws {
        var options = TestDesk.Options()
        options.gateway = "trusted_authserv_id = \"mx.empresa.com\""
        let desk = try TestDesk(options)
        let result = try desk.receive(Mails.anaRequest())
        #expect(result.ticketNumber == nil)
        let held = try desk.store.heldMessages()
        try #require(held.count == 1)
        #expect(held[0].message.reasonCode == "not_authentic")
        #expect(held[0].message.detail == "no Authentication-Results from mx.empresa.com")
        #expect(try desk.outbox().isEmpty, "nothing is sent to a possibly forged address")
        let survey = try #require(try AuthenticationSurvey.run(store: desk.store, trustedAuthservID: "mx.empresa.com"))
        #expect(survey.examined == 1 && survey.unstamped == 1)
        #expect(survey.warning?.contains("probably wrong") == true)

        let number = try desk.makeDesk().approveHeld(id: held[0].id)
        #expect(try desk.ticket(number).summary.contactAddress == "ana@andina.cl")
        #expect(try desk.store.heldMessages().isEmpty)
        // Once mail carries the server's stamp, the warning goes away.
        let stamped = TestMail(from: "luis@andina.cl", to: ["soporte@empresa.com"], subject: "Otra", body: "Hola",
                               messageID: "luis-1@andina.cl",
                               extraHeaders: ["Authentication-Results: mx.empresa.com; dkim=pass header.d=andina.cl; dmarc=pass"])
        for index in 0..<2 {
            var mail = stamped
            mail.messageID = "luis-\(index)@andina.cl"
            desk.clock.advance(by: 60)
            #expect(try desk.receive(mail).decision.rule == .newTicket)
        }
        #expect(try AuthenticationSurvey.run(store: desk.store, trustedAuthservID: "mx.empresa.com")?.warning == nil)
        #expect(try AuthenticationSurvey.run(store: desk.store, trustedAuthservID: nil) == nil)
    }

    /// After the operator fixes a wrong `trusted_authserv_id`, held mail is decided again into
    /// its tickets.
    @Test func heldMailBecomesATicketWhenReprocessedAfterTheSettingIsFixed() throws {
        var options = TestDesk.Options()
        options.gateway = "trusted_authserv_id = \"mx.empresa.com\""
        let desk = try TestDesk(options)
        try desk.receive(Mails.anaRequest())
        let held = try #require(try desk.store.heldMessages().first)
        let fixed = try Self.processor(desk)
        let result = try Self.actions(fixed, desk).reprocessKept(id: held.id)
        #expect(result.decision.rule == .newTicket)
        #expect(try desk.ticket(try #require(result.ticketNumber)).summary.organization == "Andina Ltda.")
        #expect(try desk.store.keptMessages().isEmpty)
        #expect(try desk.outbox(template: "acknowledgement").count == 1)
    }

    @Test func ourOwnMailThreadingToNoTicketIsKeptButAutomaticMailIsNot() throws {
        let desk = try TestDesk()
        let own = TestMail(from: "soporte@empresa.com", to: ["soporte@empresa.com"], subject: "Prueba interna",
                           body: "Mensaje de prueba", messageID: "own-1@empresa.com")
        #expect(try desk.receive(own).decision.rule == .ownMailbox)
        let kept = try desk.store.keptMessages(.rejected)
        #expect(kept.map(\.message.reasonCode) == ["own_mailbox"])

        // Our own automatic mail coming back (it carries our loop header) is not kept.
        let looped = TestMail(from: "soporte@empresa.com", to: ["soporte@empresa.com"], subject: "No autorizado",
                              body: "Aviso", messageID: "own-2@empresa.com", extraHeaders: ["X-Buzon-Loop: empresa.com"])
        #expect(try desk.receive(looped).decision.rule == .ownMailbox)
        #expect(try desk.store.keptMessages().count == 1)

        let autoReply = TestMail(from: "vacaciones@andina.cl", to: ["soporte@empresa.com"], subject: "Fuera de la oficina",
                                 body: "Vuelvo el lunes", messageID: "auto-1@andina.cl", extraHeaders: ["Auto-Submitted: auto-replied"])
        #expect(try desk.receive(autoReply).decision.rule == .autoGenerated)
        #expect(try desk.store.keptMessages().count == 1)
    }
}
