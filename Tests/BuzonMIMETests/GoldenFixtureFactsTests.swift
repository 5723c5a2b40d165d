import Testing
@testable import BuzonMIME

/// Facts about the golden fixtures that `buzon parse --json` does not print, so their
/// snapshots cannot show them: the raw HTML body, a part's Content-ID, the Return-Path and
/// In-Reply-To ids after the first.
/// The hand-written expectations the snapshots replaced checked these; they are kept here,
/// with the same LF and CRLF runs, so that no assertion was lost.
@Suite struct GoldenFixtureFactsTests {
    /// The fixture parsed with LF and with CRLF line ends.
    private func parsed(_ name: String) throws -> [Message] {
        let lf = LineEnds.lf(try GoldenFixture(name: name).bytes())
        return [MessageParser().parse(lf), MessageParser().parse(LineEnds.crlf(lf))]
    }

    @Test(arguments: [
        ("clients/gmail-alternative-quoted-printable", ["<div dir=\"ltr\">Hola,", "iniciar sesión.</div>"]),
        ("clients/outlook-es-reply", ["<p>Adjunto la factura que nos llegó duplicada.</p>"]),
        ("rfc/html-only-body", ["<p>¿La garantía cubre el cambio de batería?</p>"]),
        ("clients/apple-mail-related-inline-image", ["<img src=\"cid:F1A2B3C4-captura@clinica-vida.cl\">"]),
        ("rfc/boundary-unusual-characters", ["<p>Texto con boundary raro.</p>"]),
    ])
    func htmlBody(fixture: String, excerpts: [String]) throws {
        for message in try parsed(fixture) {
            let html = try #require(message.html, "\(fixture) has an HTML body")
            for excerpt in excerpts {
                #expect(html.contains(excerpt), "\(fixture): the HTML lacks \(excerpt)")
            }
        }
    }

    /// `""` is the null reverse path `<>` of bounces.
    @Test(arguments: [
        ("automatic/bounce-delivery-status", ""),
        ("automatic/out-of-office-auto-submitted", "lucia.fernandez@municipalidad-centro.gob.ar"),
        ("automatic/postmaster-null-return-path", ""),
    ])
    func returnPath(fixture: String, path: String) throws {
        for message in try parsed(fixture) {
            #expect(message.returnPath == path, "\(fixture)")
        }
    }

    /// The JSON shows the first In-Reply-To id only; these replies carry exactly one.
    @Test(arguments: ["clients/outlook-es-reply", "rfc/threading-ids-with-comments"])
    func inReplyToHoldsOneID(fixture: String) throws {
        for message in try parsed(fixture) {
            #expect(message.inReplyTo == ["OP10044.1709650000@empresa.com"], "\(fixture)")
        }
    }

    @Test func inlineImageKeepsItsContentID() throws {
        for message in try parsed("clients/apple-mail-related-inline-image") {
            #expect(message.attachments.first?.filename == "captura.png")
            #expect(message.attachments.first?.contentID == "F1A2B3C4-captura@clinica-vida.cl")
        }
    }
}
