import Testing
import Foundation
import BuzonTesting
import BuzonTrim
@testable import BuzonConfig

/// The templates in the repository's Templates/ directory: they load, and render as promised.
@Suite struct ShippedTemplateTests {
    static let languages = ["es", "en"]

    private func load() throws -> TemplateSet {
        try TemplateSet.load(directory: Repository.templates, languages: Self.languages)
    }

    @Test func everyTemplateOfEveryLanguageLoadsWithoutWarnings() throws {
        let templates = try load()
        #expect(templates.languages == ["es", "en"])
        #expect(templates.warnings.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.templates + "/es").filter { $0.hasSuffix(".txt") }
        #expect(files.count == TemplateName.allCases.count)
        #expect(TemplateName.allCases.count == 8)
    }

    @Test(arguments: TemplateName.allCases) func rendersCompletelyInBothLanguages(_ name: TemplateName) throws {
        let templates = try load()
        for language in Self.languages {
            let rendered = templates.render(name, language: language, values: .sample(language: language))
            #expect(!rendered.subject.isEmpty)
            #expect(!rendered.subject.contains("\n"))
            #expect(!rendered.subject.contains("{{") && !rendered.body.contains("{{"), "\(language)/\(name.rawValue)")
            #expect(!rendered.body.contains("## "), "comments must not be sent: \(language)/\(name.rawValue)")
            #expect(rendered.body.hasSuffix("\n") && !rendered.body.hasSuffix("\n\n"))
            if name.customerMayReply {
                #expect(rendered.subject == "[OP10044] \(TemplateValues.sample(language: language).ticketSubject)")
                let marker = GatewayConfig.builtInReplyMarkers[language]!
                #expect(rendered.body.split(separator: "\n").first.map(String.init) == marker)
                #expect(ReplyTrimmer.defaultMarkers.contains(marker))
            }
        }
    }

    /// Seed 004's acknowledgement, word for word.
    @Test func spanishAcknowledgementIsTheDesksWording() throws {
        var values = TemplateValues()
        values.ticketNumber = "OP10044"
        values.ticketSubject = "Desbloqueo de usuario"
        values.contactName = "Jesús Adrián Rodriguez"
        values.deskName = "Soporte"
        let rendered = try load().render(.acknowledgement, language: "es", values: values)
        #expect(rendered.subject == "[OP10044] Desbloqueo de usuario")
        #expect(rendered.body == """
        ##- Por favor, escriba su respuesta por encima de esta línea -##

        Estimado/Estimada Jesús Adrián Rodriguez
        Su solicitud "Desbloqueo de usuario" ha sido recibida y será revisada por el equipo de Soporte Técnico.
        La referencia de su ticket es OP10044
        Para agregar algún comentario o bien solicitar información, solo responda a este correo.
        Saludos
        Soporte

        """)
    }

    @Test func staffReplyCarriesTheStaffText() throws {
        var values = TemplateValues.sample(language: "es")
        values.messageText = "Línea 1\nLínea 2"
        let rendered = try load().render(.staffReply, language: "es", values: values)
        #expect(rendered.body.contains("\n\nLínea 1\nLínea 2\n\nAraceli Cruz\n"))
    }

    @Test func closedInvitesARatingAndSplitNamesBothTickets() throws {
        let templates = try load()
        let closed = templates.render(.closed, language: "es", values: .sample(language: "es"))
        #expect(closed.body.contains("del 1 (muy mala) al 5 (excelente)"))
        let split = templates.render(.split, language: "en", values: .sample(language: "en"))
        #expect(split.body.contains("ticket OP10043"))
        #expect(split.body.contains("OP10044 \"User unlock\""))
        let limit = templates.render(.limitReached, language: "es", values: .sample(language: "es"))
        #expect(limit.body.contains("ya tiene 3 tickets abiertos y el máximo acordado es 3"))
    }

    @Test func previewUsesSampleValuesAndTheGivenTicket() throws {
        let preview = try load().preview(.acknowledgement, language: "es", ticketNumber: "OP20001")
        #expect(preview.subject == "[OP20001] Desbloqueo de usuario")
        #expect(preview.text.hasPrefix("Subject: [OP20001] Desbloqueo de usuario\n\n##- Por favor"))
    }

    @Test func unknownLanguageFallsBackToTheFirst() throws {
        let templates = try load()
        let values = TemplateValues.sample(language: "es")
        #expect(templates.render(.acknowledgement, language: "pt", values: values) == templates.render(.acknowledgement, language: "es", values: values))
    }

    @Test func placeholdersOfATemplate() throws {
        let used = try load().placeholders(of: .limitReached, language: "es")
        #expect(used.isSuperset(of: [.openTicketLimit, .openTicketCount, .organization, .originalSubject]))
        #expect(!used.contains(.replyMarker))
    }
}
