import Testing
@testable import BuzonMIME

@Suite struct MIMETreeTests {
    private func parse(_ text: String) -> Message { MessageParser().parse(Array(text.utf8)) }

    @Test func boundaryPrefixOfNestedBoundaryIsNotADelimiter() {
        let message = parse("""
        Content-Type: multipart/mixed; boundary="abc"

        --abc
        Content-Type: multipart/alternative; boundary="abc-1"

        --abc-1
        Content-Type: text/plain

        uno
        --abc-1--
        --abc
        Content-Type: application/octet-stream

        x
        --abc--
        """)
        #expect(message.root.children.count == 2)
        #expect(message.root.children[0].children.count == 1)
        #expect(message.text == "uno")
        #expect(message.attachments.map(\.data) == [[0x78]])
        #expect(message.diagnostics.isEmpty)
    }

    @Test func transportPaddingAfterDelimiterAndEmptyParts() {
        let message = parse("Content-Type: multipart/mixed; boundary=b\n\n--b  \t\n\nhola\n--b\n--b--  \n")
        #expect(message.root.children.count == 2)
        #expect(message.text == "hola")
    }

    @Test func digestDefaultsToMessageParts() {
        let message = parse("Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: uno\n\ncuerpo\n--d--\n")
        #expect(message.root.children.first?.contentType == "message/rfc822")
        #expect(message.root.children.first?.children.first?.headers["Subject"] == "uno")
        #expect(message.attachments.count == 1)
    }

    @Test func multipartWithoutAnyBoundaryIsText() {
        let message = parse("Content-Type: multipart/mixed\n\nno hay partes aqui\n")
        #expect(message.text == "no hay partes aqui\n")
        #expect(message.diagnostics.map(\.code) == [.missingBoundary])
    }

    @Test func nestedMessageStaysOutOfTheOuterBody() {
        let message = parse("""
        Content-Type: multipart/mixed; boundary=o

        --o
        Content-Type: text/plain

        exterior
        --o
        Content-Type: message/rfc822

        Subject: interior
        Content-Type: text/plain

        texto interior
        --o--
        """)
        #expect(message.text == "exterior")
        #expect(message.attachments.count == 1)
        #expect(message.attachments.first?.contentType == "message/rfc822")
        let inner = message.root.children[1].children.first
        #expect(inner?.headers["Subject"] == "interior")
        #expect(inner?.body == Array("texto interior".utf8))
    }

    @Test func base64EncodedAttachedMessageIsParsed() {
        let inner = "Subject: dentro\n\nhola\n"
        let encoded = Array(inner.utf8).withUnsafeBufferPointer { plainBase64($0) }
        let message = parse("Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n\(encoded)\n")
        #expect(message.root.children.first?.headers["Subject"] == "dentro")
    }

    @Test func contentIDImpliesInline() {
        let message = parse("""
        Content-Type: multipart/related; boundary=r

        --r
        Content-Type: text/html

        <img src="cid:logo">
        --r
        Content-Type: image/gif
        Content-ID: <logo>

        GIF89a
        --r--
        """)
        #expect(message.attachments.first?.isInline == true)
        #expect(message.attachments.first?.contentID == "logo")
        #expect(message.html == "<img src=\"cid:logo\">")
    }

    /// Transfer encodings match in any case and quoted; a space inside the quotes makes
    /// an unknown encoding (kept as is, with a diagnostic), not a trimmed known one.
    @Test func transferEncodingTokens() {
        func part(_ encoding: String, _ body: String) -> MIMEPart {
            parse("Content-Type: text/plain\nContent-Transfer-Encoding: \(encoding)\n\n\(body)").root
        }
        #expect(part("BASE64", "aG9sYQ==").body == Array("hola".utf8))
        #expect(part("\"Quoted-Printable\"", "a=3Db").body == Array("a=b".utf8))
        #expect(part("QUOTED-PRINTABLE", "x").transferEncoding == "quoted-printable")
        #expect(part("\" base64 \"", "aG9sYQ==").transferEncoding == " base64 ")
        #expect(part("\" base64 \"", "aG9sYQ==").body == Array("aG9sYQ==".utf8))
        #expect(part("X-ÜBER", "x").transferEncoding == "x-über")
    }
}

/// Standard padded base64, written out so the test does not depend on the decoder under test.
func plainBase64(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var out = [UInt8]()
    var index = 0
    while index < bytes.count {
        let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
        let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
        for position in 0..<4 {
            out.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : UInt8(ascii: "="))
        }
        index += 3
    }
    return String(decoding: out, as: UTF8.self)
}

@Suite struct BodySelectorTests {
    private func parse(_ text: String) -> Message { MessageParser().parse(Array(text.utf8)) }

    @Test func oneTextPerAlternative() {
        let message = parse("""
        Content-Type: multipart/alternative; boundary=a

        --a
        Content-Type: text/plain

        simple
        --a
        Content-Type: text/plain; format=flowed

        flowed
        --a
        Content-Type: text/html

        <p>uno</p>
        --a
        Content-Type: text/html

        <p>dos</p>
        --a--
        """)
        #expect(message.text == "simple")
        #expect(message.html == "<p>dos</p>")
        #expect(message.attachments.isEmpty)
    }

    @Test func blankPlainAlternativeFallsBackToHTML() {
        let message = parse("Content-Type: multipart/alternative; boundary=a\n\n--a\nContent-Type: text/plain\n\n \n--a\nContent-Type: text/html\n\n<b>hola</b>\n--a--\n")
        #expect(message.text == HTMLText.plainText(fromHTML: "<b>hola</b>"))
    }

    @Test func calendarAlternativeIsAnAttachment() {
        let message = parse("Content-Type: multipart/alternative; boundary=a\n\n--a\nContent-Type: text/plain\n\nreunion\n--a\nContent-Type: text/calendar; method=REQUEST\n\nBEGIN:VCALENDAR\n--a--\n")
        #expect(message.text == "reunion")
        #expect(message.attachments.map(\.contentType) == ["text/calendar"])
    }

    @Test func senderIsKeptAndUsedWhenFromIsMissing() {
        let both = parse("From: a@x.cl\nSender: b@x.cl\n\nx")
        #expect(both.from?.address == "a@x.cl")
        #expect(both.sender?.address == "b@x.cl")
        #expect(parse("Sender: b@x.cl\n\nx").from?.address == "b@x.cl")
    }

    @Test func reportWrappedInMixedIsADeliveryReport() {
        let message = parse("Content-Type: multipart/mixed; boundary=m\n\n--m\nContent-Type: multipart/report; report-type=delivery-status; boundary=r\n\n--r\n\nfallo\n--r--\n--m--\n")
        #expect(message.autoGenerated?.kind == .deliveryReport)
    }
}

@Suite struct LineEndTests {
    @Test func mixedLineEndsGiveTheSameMessageAsLF() {
        let lf = "Subject: =?utf-8?Q?hola?=\nContent-Type: multipart/mixed; boundary=m\n\n--m\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nuno=\ndos\ntres\n--m\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\nAAEC\nAwQ=\n--m--\n"
        let mixed = lf.enumerated().map { $0.element == "\n" && $0.offset % 2 == 0 ? "\r\n" : String($0.element) }.joined()
        #expect(mixed != lf)
        let parser = MessageParser()
        for message in [parser.parse(Array(lf.utf8)), parser.parse(Array(mixed.utf8))] {
            #expect(message.subject == "hola")
            #expect(message.text == "unodos\ntres")
            #expect(message.attachments.map(\.data) == [[0, 1, 2, 3, 4]])
            #expect(message.diagnostics.isEmpty)
        }
    }

    @Test func bareCRIsContentNotALineEnd() {
        let message = MessageParser().parse(Array("Subject: x\n\nuno\rdos\r\n".utf8))
        #expect(message.text == "uno\rdos\n")
    }
}
