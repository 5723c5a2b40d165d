import Foundation
import Testing
@testable import BuzonMIME

@Suite struct HTMLTextTests {
    private func text(_ html: String) -> String { HTMLText.plainText(fromHTML: html) }

    @Test func blocksBecomeLinesWithAtMostOneBlankLine() {
        #expect(text("<div>Hola</div><div><br></div><div>Gracias</div>") == "Hola\n\nGracias")
        #expect(text("<p>Uno</p><p>Dos</p>") == "Uno\n\nDos")
        #expect(text("<p>a</p><br><br><br><br><p>b</p>") == "a\n\nb")
        #expect(text("a<br>b<br/>c") == "a\nb\nc")
        #expect(text("<h1>Título</h1>cuerpo<hr>pie") == "Título\n\ncuerpo\npie")
        #expect(text("<table><tr><td>Nombre:</td><td>Ana</td></tr><tr><td>Pedido:</td><td>12</td></tr></table>")
            == "Nombre: Ana\nPedido: 12")
    }

    @Test func outlookMsoNormalParagraphsAreSingleLines() {
        let html = "<p class=MsoNormal>Hola<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>"
            + "<p class=MsoNormal>Saludos<o:p></o:p></p><p class=MsoNormal>Ana<o:p></o:p></p>"
        #expect(text(html) == "Hola\n\nSaludos\nAna")
    }

    @Test func namedAndNumericEntities() {
        #expect(text("&aacute;&eacute;&iacute;&oacute;&uacute;&ntilde;&Ntilde;&uuml;") == "áéíóúñÑü")
        #expect(text("&iexcl;Hola! &iquest;Qu&eacute; tal? &laquo;x&raquo; 5&euro; &copy;") == "¡Hola! ¿Qué tal? «x» 5€ ©")
        #expect(text("&amp; &lt;b&gt; &quot;q&quot; &apos;a&apos; &hellip; &ndash; &mdash;") == "& <b> \"q\" 'a' … – —")
        #expect(text("caf&#233; caf&#xE9; caf&#XE9 &#150; &#0; &#99999999;") == "café café café – \u{FFFD} \u{FFFD}")
        #expect(text("AT&T &unknown; &amp &nbsp;x") == "AT&T &unknown; &  x")
    }

    @Test func scriptStyleHeadAndCommentsAreDropped() {
        let html = "<html><head><title>T</title><style>p{color:red}</style><meta charset=utf-8></head>"
            + "<body><!-- hidden <p>no</p> --><script>var a = '<p>';</script><p>Visible</p>"
            + "<!--[if mso]><p>mso</p><![endif]--></body></html>"
        #expect(text(html) == "Visible")
    }

    @Test func linksStayReadable() {
        #expect(text("Vea <a href=\"https://x.com/a\">el manual</a>.") == "Vea el manual <https://x.com/a>.")
        #expect(text("<a href=\"https://x.com/\">https://x.com</a>") == "https://x.com")
        #expect(text("<a href=\"http://www.x.com\">www.x.com</a>") == "www.x.com")
        #expect(text("<a href=\"mailto:ana@x.com\">ana@x.com</a>") == "ana@x.com")
        #expect(text("<a href=\"mailto:ana@x.com?subject=hi\">Escríbanos</a>") == "Escríbanos <ana@x.com>")
        #expect(text("<a href=\"https://x.com\"><img src=\"logo.png\"></a>fin") == "fin")
        #expect(text("<a href='https://a.com?x=1&amp;y=2'>aquí</a>") == "aquí <https://a.com?x=1&y=2>")
    }

    @Test func listItemsAreDashedAndIndented() {
        #expect(text("<p>Pasos:</p><ul><li>uno</li><li>dos<ul><li>dos.a</li></ul></li></ul><p>fin</p>")
            == "Pasos:\n\n- uno\n- dos\n  - dos.a\n\nfin")
    }

    @Test func whitespaceCollapsesExceptInPre() {
        #expect(text("  Hola \n\t  mundo   ") == "Hola mundo")
        #expect(text("<pre>a  b\n  c</pre>después") == "a  b\n  c\n\ndespués")
    }

    @Test func blockquoteLinesArePrefixed() {
        #expect(text("Sí<blockquote>¿Viene?<br>Dígame</blockquote>") == "Sí\n\n> ¿Viene?\n> Dígame")
    }

    @Test func brokenHTMLNeverTraps() {
        #expect(text("a < b and c > d") == "a < b and c > d")
        #expect(text("<div>unclosed <b>bold <p>para") == "unclosed bold\n\npara")
        #expect(text("x <a href=\"never closed>y</a> z") == "x y <never closed> z")
        #expect(text("<!-- never closed") == "")
        #expect(text("text <div") == "text")
        #expect(text("<") == "<")
        #expect(text("&") == "&")
        #expect(text("&#x") == "&#x")
        #expect(text("<script>never closed") == "")
        let huge = "<div style=\"" + String(repeating: "a", count: 2_000_000) + "\">ok</div>"
        #expect(text(huge) == "ok")
        let manyBroken = String(repeating: "<a x=\"", count: 20_000) + "end"
        _ = text(manyBroken)
    }

    @Test func invisibleMarksAreDropped() {
        #expect(text("El\u{200E} lun&lrm;, Ana escribi\u{FEFF}ó:") == "El lun, Ana escribió:")
    }

    /// A megabyte of markup converts whole. How fast is the parse benchmark's business
    /// (`buzon-bench parse`), not a test's: a time limit here only fails on a busy machine.
    @Test func convertsAMegabyteWhole() {
        let block = "<div class=\"x\">Hola <b>mundo</b> &aacute; <a href=\"https://x.com\">link</a></div>\n"
        let html = String(repeating: block, count: 12_000)
        let lines = text(html).split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 12_000)
        #expect(lines.allSatisfy { $0 == "Hola mundo á link <https://x.com>" })
    }
}
