import Testing
import Foundation
import BuzonTesting
@testable import BuzonConfig

/// Operator mistakes in template files, and the format's details, on copies of the shipped set.
@Suite struct TemplateFileTests {
    /// A temp copy of the shipped es templates with `name` replaced by `text` (nil: removed).
    private func directory(replacing name: TemplateName, with text: String?) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        for template in TemplateName.allCases {
            let shipped = try String(contentsOfFile: Repository.templates + "/es/" + template.fileName, encoding: .utf8)
            if template == name {
                if let text { try directory.write(text, to: "es/" + template.fileName) }
            } else {
                try directory.write(shipped, to: "es/" + template.fileName)
            }
        }
        return directory
    }

    private func loadError(_ name: TemplateName, _ text: String?) throws -> ConfigError? {
        let directory = try self.directory(replacing: name, with: text)
        do {
            _ = try TemplateSet.load(directory: directory.path, languages: ["es"])
            return nil
        } catch {
            #expect(error.file == directory.path + "/es/" + name.fileName)
            return error
        }
    }

    @Test func unknownPlaceholderNamesFileLineAndTheKnownOnes() throws {
        let error = try #require(try loadError(.notAuthorized, "## c\nSubject: Hola\n\nSu ticket {{numero}}\n"))
        #expect(error.line == 4)
        #expect(error.message.hasPrefix("unknown placeholder {{numero}} (known: ticket_number, ticket_subject, contact_name"))
        #expect(error.description.contains("/es/not_authorized.txt:4: unknown placeholder {{numero}}"))
        let typo = try #require(try loadError(.notAuthorized, "Subject: Hola {{ticket_numbr}}\n\nx\n"))
        #expect(typo.line == 1)
        #expect(typo.message.contains("(did you mean \"ticket_number\"?)"))
    }

    @Test func missingSubjectLine() throws {
        let error = try #require(try loadError(.limitReached, "## comentario\n\nHola {{contact_name}}\n"))
        #expect(error.line == 3)
        #expect(error.message.contains("expected \"Subject: …\" as the first line"))
        let empty = try #require(try loadError(.limitReached, ""))
        #expect(empty.line == 1)
    }

    @Test func markerLineBeforeSubjectIsNotAComment() throws {
        let error = try #require(try loadError(.limitReached, "##- Por favor -##\nSubject: x\n\nbody\n"))
        #expect(error.line == 1)
        #expect(error.message.contains("Subject"))
    }

    @Test func unclosedBraces() throws {
        let error = try #require(try loadError(.notAuthorized, "Subject: x\n\nline\nHola {{contact_name\n"))
        #expect(error.line == 4)
        #expect(error.message.contains("unclosed {{"))
    }

    @Test func missingTemplateNamesTheFile() throws {
        let error = try #require(try loadError(.split, nil))
        #expect(error.line == nil)
        #expect(error.message.contains("missing template \"split\" for language es"))
    }

    @Test func missingLanguageDirectory() throws {
        do {
            _ = try TemplateSet.load(directory: Repository.templates, languages: ["es", "pt"])
            Issue.record("loaded a language without templates")
        } catch {
            #expect(error.file == Repository.templates + "/pt")
            #expect(error.message.hasPrefix("no templates for language pt: copy the Templates/pt directory"))
        }
    }

    @Test func subjectAndBlankLineAndBodyAreRequired() throws {
        #expect(try loadError(.notAuthorized, "Subject:   \n\nbody\n")?.line == 1)
        #expect(try loadError(.notAuthorized, "Subject: x\nbody\n")?.message.contains("expected a blank line after the Subject line") == true)
        #expect(try loadError(.notAuthorized, "Subject: x\n\n\n\n")?.message.contains("no body") == true)
    }

    @Test func answerableMessagesNeedMarkerFirstAndTicketNumberInSubject() throws {
        let noNumber = try #require(try loadError(.reopened, "Subject: {{ticket_subject}}\n\n{{reply_marker}}\nx\n"))
        #expect(noNumber.line == 1)
        #expect(noNumber.message.contains("must contain {{ticket_number}}"))
        let markerLate = try #require(try loadError(.reopened, "## c\nSubject: [{{ticket_number}}]\n\nHola\n{{reply_marker}}\n"))
        #expect(markerLate.line == 4)
        #expect(markerLate.message.contains("first body line must be {{reply_marker}}"))
        #expect(try loadError(.reopened, "Subject: [{{ticket_number}}]\n\n  {{ reply_marker }} \nHola\n") == nil)
    }

    @Test func requiredPlaceholders() throws {
        let error = try #require(try loadError(.staffReply, "Subject: [{{ticket_number}}]\n\n{{reply_marker}}\nsin texto\n"))
        #expect(error.message.contains("must use {{message_text}}"))
    }

    @Test func commentsSpacesInBracesCRLFAndBOM() throws {
        let text = "\u{FEFF}## Comentario: {{no_es_marcador}}\r\n##\r\n\r\nSubject: Aviso {{ original_subject }}\r\n\r\nHola {{contact_name}},\r\n##- esto sí se envía -##\r\n{{date}}\r\n\r\n"
        let directory = try self.directory(replacing: .notAuthorized, with: text)
        var templates = try TemplateSet.load(directory: directory.path, languages: ["es"])
        templates.timeZone = TimeZone(identifier: "America/Santiago")!
        var values = TemplateValues()
        values.originalSubject = "Factura"
        values.contactAddress = "ana@andina.cl"
        values.date = Date(timeIntervalSince1970: 1_664_389_800) // 2022-09-28 18:30 UTC = 15:30 in Santiago
        let rendered = templates.render(.notAuthorized, language: "es", values: values)
        #expect(rendered.subject == "Aviso Factura")
        #expect(rendered.body == "Hola ana@andina.cl,\n##- esto sí se envía -##\n28/09/2022 15:30\n")
    }

    @Test func valuesAreInsertedVerbatim() throws {
        let directory = try self.directory(replacing: .notAuthorized, with: "Subject: {{original_subject}}\n\n{{message_text}}{{staff_name}}\n")
        let templates = try TemplateSet.load(directory: directory.path, languages: ["es"])
        var values = TemplateValues()
        values.originalSubject = "=?utf-8?q?x?= {{ticket_number}}"
        values.messageText = "a}}{{b\n"
        values.staffName = "\\n"
        let rendered = templates.render(.notAuthorized, language: "es", values: values)
        #expect(rendered.subject == "=?utf-8?q?x?= {{ticket_number}}")
        #expect(rendered.body == "a}}{{b\n\\n\n")
    }

    @Test func strayFilesAreWarnedAbout() throws {
        let directory = try self.directory(replacing: .split, with: try String(contentsOfFile: Repository.templates + "/es/split.txt", encoding: .utf8))
        try directory.write("Subject: x\n\ny\n", to: "es/acknowledgment.txt")
        try directory.write("notes", to: "es/README.md")
        let templates = try TemplateSet.load(directory: directory.path, languages: ["es"])
        #expect(templates.warnings.count == 1)
        #expect(templates.warnings.first?.contains("acknowledgment.txt is not a template Buzón uses (did you mean \"acknowledgement.txt\"?)") == true)
    }

    @Test func englishDatesAreISOOrdered() {
        let date = Date(timeIntervalSince1970: 1_664_389_800)
        #expect(TemplateValues.format(date, language: "en", timeZone: TimeZone(identifier: "America/Mexico_City")!) == "2022-09-28 13:30")
        #expect(TemplateValues.format(date, language: "es", timeZone: TimeZone(identifier: "UTC")!) == "28/09/2022 18:30")
    }
}
