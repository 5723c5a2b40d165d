import Foundation
import Testing
@testable import BuzonMIME
@testable import BuzonTrim

/// The cut reasons and the edges the golden files do not pin down.
@Suite struct ReplyTrimmerRuleTests {
    let trimmer = ReplyTrimmer()

    @Test func reportsWhichRuleCut() {
        #expect(trimmer.trim(text: "Hola\n\nTexto").cut == nil)
        #expect(trimmer.trim(text: "Sí\n\n##- Por favor, escriba su respuesta por encima de esta línea -##\nx").cut == .replyMarker)
        #expect(trimmer.trim(text: "Sí\n\nOn Mon, Nov 21, 2026 at 10:02 AM Ana <a@x.com> wrote:\n> q").cut == .quoteHeader)
        #expect(trimmer.trim(text: "Sí\n\n> q\n> r").cut == .quotedBlock)
        #expect(trimmer.trim(text: "Sí\n-- \nAna").cut == .signature)
        #expect(trimmer.trim(text: "Sí\n\nSent from my iPhone").cut == .mobileFooter)
        #expect(trimmer.trim(html: "<div>Sí</div><blockquote type=\"cite\">q</blockquote>").cut == .htmlQuote)
    }

    /// The HTML quote finder skips rendering a quote whose raw bytes hold none of the
    /// forward stems; that is only right while every forward banner's key holds one.
    @Test func everyForwardBannerHoldsAForwardStem() {
        for key in ReplyText.forwardKeys {
            #expect(ReplyText.forwardStems.contains { ByteMatch.contains(key[...], $0) }, "\(String(decoding: key, as: UTF8.self))")
        }
        #expect(HTMLQuoteFinder.mayHoldForwardBanner(Array("<div>---- Mensaje REENVIADO ----</div>".utf8)[...]))
        #expect(HTMLQuoteFinder.mayHoldForwardBanner(Array("D&eacute;but du message r&eacute;exp&eacute;di&eacute;".utf8)[...]))
        #expect(!HTMLQuoteFinder.mayHoldForwardBanner(Array("<div>El lun, 21 nov 2026, Ana escribió:</div>".utf8)[...]))
        // Only text counts: a stem inside a tag's attributes is not a banner.
        #expect(!HTMLQuoteFinder.mayHoldForwardBanner(Array("<div class=\"forwarded transfer\">Hola</div>".utf8)[...]))
        #expect(HTMLQuoteFinder.mayHoldForwardBanner(Array("<div style=\"a>b\">Forwarded message".utf8)[...]))
        #expect(HTMLQuoteFinder.mayHoldForwardBanner(Array("Hola <3 ---- Forwarded message ----<br>".utf8)[...]))
        let forward = "<div>Mira esto</div><div class=\"gmail_quote\"><div>---------- Forwarded message ---------<br>De: Ana</div></div>"
        #expect(trimmer.trim(html: forward).cut == nil)
        #expect(trimmer.trim(html: forward).text.contains("Forwarded message"))
    }

    /// The byte-pair prefilter must answer exactly as a plain scan of the text outside markup
    /// for every stem, on random mixes of stems, their near misses, case and markup.
    @Test func forwardBannerPrefilterMatchesAPlainScan() {
        func reference(_ html: [UInt8]) -> Bool {
            var index = 0
            while index < html.count {
                let rest = HTMLTokenizer.startsMarkup(html.span, at: index)
                if html[index] == UInt8(ascii: "<"), rest {
                    guard let close = html[index...].firstIndex(of: UInt8(ascii: ">")) else { return false }
                    index = close + 1
                    continue
                }
                for stem in ReplyText.forwardStems where html.count - index >= stem.count {
                    if zip(html[index...], stem).allSatisfy({ ByteMatch.lower($0) == $1 }) { return true }
                }
                index += 1
            }
            return false
        }
        let pieces = ["re", "RE", "en", "ex", "EXP", "tr", "Transf", "fo", "Forwarded", "reenviad", "encaminhad",
                      "<div>", "<b class=\"reenviado\">", "</p>", "<", ">", " ", "é", "x", "ansf", "p"]
        var state: UInt64 = 7
        var found = 0
        for _ in 0..<3_000 {
            var html = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for step in 0..<Int(state >> 60) + 2 {
                html += pieces[Int((state >> UInt64(4 * (step % 12))) % UInt64(pieces.count))]
            }
            let bytes = Array(html.utf8)
            let expected = reference(bytes)
            #expect(HTMLQuoteFinder.mayHoldForwardBanner(bytes[...]) == expected, "\(html)")
            if expected { found += 1 }
        }
        #expect(found > 100 && found < 2_900)
    }

    /// The in-place line tests must agree with the slice-based rules they stand in front of.
    @Test func inPlaceLineTestsMatchTheSliceRules() {
        let pieces = [" ", "\t", "\u{A0}", "*", ":", "De", "de:", "à", "escribió", "x", "-", "\u{A0}:", "**From**"]
        var state: UInt64 = 3
        var lines: [String] = []
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            lines.append((0..<Int(state >> 60)).map { step in
                pieces[Int((state >> UInt64(4 * step)) % UInt64(pieces.count))]
            }.joined())
        }
        let reply = ReplyText(lines.joined(separator: "\n"))
        var colons = 0
        for index in 0..<reply.count {
            let hasName = ReplyText.fieldName(reply.content(index)) != nil
            #expect(reply.hasEarlyColon(index) == hasName, "\(lines[index])")
            #expect(reply.lastVisibleByte(index) == ByteMatch.trimmingTrailingSpaces(reply.line(index)).last, "\(lines[index])")
            if hasName { colons += 1 }
        }
        #expect(colons > 100 && colons < reply.count - 100)
    }

    @Test func markerHeaderAboveIsCutWithTheMarker() {
        let text = "Listo\n\nEl lun, 21 nov 2026 a las 10:02, Soporte <s@x.com> escribió:\n\n" +
            "> —–#### Por favor, no responda bajo este aviso ####—–\n> Ticket OP1"
        let reply = trimmer.trim(text: text)
        #expect(reply.text == "Listo")
        #expect(reply.cut == .replyMarker)
    }

    @Test func customMarkersReplaceTheDefaults() {
        let custom = ReplyTrimmer(markers: ["=== Responda arriba ==="])
        #expect(custom.trim(text: "Ok\n\n-- responda ARRIBA --\nviejo").text == "Ok")
        #expect(custom.trim(text: "Ok\n##- Please type your reply above this line -##\nviejo").text
            == "Ok\n##- Please type your reply above this line -##\nviejo")
    }

    @Test func proseThatLooksLikeAHeaderIsKept() {
        let text = "El técnico escribió:\n\"vuelvo mañana\"\nPero no volvió.\nDe: nada sirve reclamar.\nGracias"
        #expect(trimmer.trim(text: text).text == text)
        #expect(trimmer.trim(text: text).cut == nil)
    }

    @Test func bareWroteLineAboveADroppedQuoteGoesWithIt() {
        let reply = trimmer.trim(text: "Listo, gracias.\n\nSoporte escribió:\n> ¿Algo más?\n")
        #expect(reply.text == "Listo, gracias.")
        #expect(reply.cut == .quotedBlock)
        // ...but not when the sender answered below the quote.
        #expect(trimmer.trim(text: "Soporte escribió:\n> ¿Algo más?\nNo, gracias.").text == "Soporte escribió:\n> ¿Algo más?\nNo, gracias.")
    }

    @Test func loneCarriageReturnsAreLineEnds() {
        #expect(trimmer.trim(text: "Hola\r\rGracias\r-- \rAna").text == "Hola\n\nGracias")
    }

    @Test func quoteOnlyIsEmpty() {
        #expect(trimmer.trim(text: "\n> solo cita\n>\n> más\n").text == "")
        #expect(trimmer.trim(html: "<blockquote type=\"cite\">solo cita</blockquote>").text == "")
    }

    @Test func forwardSubjectKeepsOutlookBlock() {
        let body = "Miren esto\n\nDe: Banco <b@x.com>\nEnviado: lunes\nPara: Ana\nAsunto: Alerta\n\nCargo de $10"
        #expect(trimmer.trim(text: body).text == "Miren esto")
        #expect(trimmer.trim(Message(subject: "RV: Alerta", text: body)).text == body)
        #expect(trimmer.trim(Message(subject: "RE: RV: Alerta", text: body)).text == "Miren esto")
        #expect(ReplyTrimmer.isForwardSubject("Fwd: x") && !ReplyTrimmer.isForwardSubject("Re: Fwd: x"))
    }

    @Test func messagePrefersHTMLAndFallsBackToText() {
        var message = Message(text: "Texto plano\n\n> cita", html: "<div>Desde HTML</div><div class=\"gmail_quote\">cita</div>")
        #expect(trimmer.trim(message).text == "Desde HTML")
        message.html = "<img src=\"cid:logo\">"
        #expect(trimmer.trim(message).text == "Texto plano")
    }

    // Large inputs: what is kept and cut. How fast is measured by `buzon-bench parse`, never
    // by a time limit in a test (which only fails on a busy machine).
    @Test func manySignatureLinesBeforeAForwardAreKept() {
        let text = "Mire esto\n" + String(repeating: "--\nx\n", count: 20_000) + "---------- Forwarded message ---------\nfin"
        #expect(trimmer.trim(text: text).text == text)
    }

    @Test func aLongThreadIsCutAtItsAttribution() {
        let reply = "Gracias por la ayuda, sigue fallando.\n\n"
        let history = (0..<4_000).map { "> línea \($0) del historial con algo de texto para leer" }.joined(separator: "\n")
        let text = reply + "El lun, 21 nov 2026 a las 10:02, Soporte <s@x.com> escribió:\n" + history
        #expect(trimmer.trim(text: text).text == "Gracias por la ayuda, sigue fallando.")
    }
}
