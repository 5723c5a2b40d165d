import Testing
@testable import BuzonMIME

@Suite struct ContentHeaderValueTests {
    private func parse(_ text: String) -> ContentHeaderValue {
        var diagnostics: [Diagnostic] = []
        return ContentHeaderValue.parse(text, diagnostics: &diagnostics)
    }

    @Test func typeAndParameters() {
        let value = parse(#"Text/HTML; Charset="UTF-8"; format=flowed"#)
        #expect(value.value == "text/html")
        #expect(value.parameters == ["charset": "UTF-8", "format": "flowed"])
    }

    @Test func lenientSyntax() {
        #expect(parse("text/plain;; charset=utf-8 ;").parameters["charset"] == "utf-8")
        #expect(parse(#"application/pdf; name=Mi factura.pdf"#).parameters["name"] == "Mi factura.pdf")
        #expect(parse(#"application/pdf; name="sin cierre.pdf"#).parameters["name"] == "sin cierre.pdf")
        #expect(parse(#"multipart/mixed; boundary="a \"b\" c""#).parameters["boundary"] == #"a "b" c"#)
        #expect(parse("text/plain (comentario); charset=us-ascii").value == "text/plain")
    }

    @Test func rfc2231ExtendedValue() {
        // RFC 2231 §4 example.
        let value = parse("application/x-stuff; title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A")
        #expect(value.parameters["title"] == "This is ***fun***")
        #expect(parse("a/b; filename*=iso-8859-1'es'a%F1o.txt").parameters["filename"] == "año.txt")
        #expect(parse("a/b; filename*=''plain%20name").parameters["filename"] == "plain name")
    }

    @Test func rfc2231Continuations() {
        // RFC 2231 §3 and §4.1 examples, sections given out of order.
        let plain = parse(#"message/external-body; access-type=URL; URL*1="cool.html"; URL*0="ftp://"; url*2="?x""#)
        #expect(plain.parameters["url"] == "ftp://cool.html?x")
        let mixed = parse(#"application/x-stuff; title*0*=us-ascii'en'This%20is%20even%20more%20; title*1*=%2A%2A%2Afun%2A%2A%2A%20; title*2="isn't it!""#)
        #expect(mixed.parameters["title"] == "This is even more ***fun*** isn't it!")
        let utf8 = parse("a/b; filename*0*=UTF-8''Presupuesto%20a%C3; filename*1*=%B1o.pdf")
        #expect(utf8.parameters["filename"] == "Presupuesto año.pdf")
    }

    @Test func extendedValueWinsOverPlain() {
        let value = parse("a/b; filename=fallback.txt; filename*=UTF-8''real%C3%B1.txt")
        #expect(value.parameters["filename"] == "realñ.txt")
    }

    @Test func percentDecodingKeepsInvalidEscapes() {
        #expect(ContentHeaderValue.percentDecoded(Array("a%2Gb%".utf8)[...]) == Array("a%2Gb%".utf8))
    }
}
