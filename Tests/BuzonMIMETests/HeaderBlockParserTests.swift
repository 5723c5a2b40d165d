import Testing
@testable import BuzonMIME

@Suite struct HeaderBlockParserTests {
    private func parse(_ text: String, limits: MessageParser.Limits = .init()) -> (HeaderBlockParser.Result, [Diagnostic.Code], [UInt8]) {
        let bytes = Array(text.utf8)
        var diagnostics: [Diagnostic] = []
        let result = bytes.withUnsafeBufferPointer {
            HeaderBlockParser(limits: limits).parse($0, from: 0, to: $0.count, diagnostics: &diagnostics)
        }
        return (result, diagnostics.map(\.code), bytes)
    }

    /// The word-at-a-time lower-casing must equal ASCII lower-casing byte by byte, for
    /// every byte value in every lane, and names equal ignoring case must share a key.
    @Test func headerKeyLowercasesExactlyASCIILetters() {
        for value in 0...255 {
            let byte = UInt8(value)
            let expected = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            for lane in 0..<8 {
                let word = UInt64(byte) << (8 * UInt64(lane)) | 0x5A41_7A61_405B_7F80 & ~(0xFF << (8 * UInt64(lane)))
                let lowered = HeaderFields.lowercased(word)
                #expect(UInt8(truncatingIfNeeded: lowered >> (8 * UInt64(lane))) == expected, "byte \(value) lane \(lane)")
            }
        }
        // Whole words too: no lane may disturb its neighbours (a carry or borrow would).
        var state: UInt64 = 0x1234_5678
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let word = state ^ (state >> 29)
            var expected: UInt64 = 0
            for lane in 0..<8 {
                let byte = UInt8(truncatingIfNeeded: word >> (8 * UInt64(lane)))
                expected |= UInt64((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) << (8 * UInt64(lane))
            }
            #expect(HeaderFields.lowercased(word) == expected, "word \(String(word, radix: 16))")
        }
        let names = ["Content-Transfer-Encoding", "CONTENT-TRANSFER-ENCODING", "content-transfer-encoding", "X-Ñ-Ä"]
        #expect(HeaderFields.key(names[0]) == HeaderFields.key(names[1]))
        #expect(HeaderFields.key(names[0]) == HeaderFields.key(names[2]))
        let distinct = ["To", "Cc", "From", "Date", "Subject", "Sender", "Reply-To", "Message-ID", "In-Reply-To",
                        "References", "Content-Type", "Content-Transfer-Encoding", "Content-Disposition",
                        "Content-ID", "Return-Path", "X-Ñ-Ä", "X-ñ-ä", "a", "a\u{0}", ""]
        #expect(Set(distinct.map(HeaderFields.key)).count == distinct.count)
    }

    @Test func unfoldsAndKeepsDuplicatesInOrder() {
        let (result, codes, bytes) = parse("Subject: uno\r\n dos\r\n\tTres\r\nReceived: a\r\nreceived: b\r\n\r\ncuerpo")
        #expect(result.fields["subject"] == "uno dos\tTres")
        #expect(result.fields.values("RECEIVED") == ["a", "b"])
        #expect(Array(bytes[result.bodyStart...]) == Array("cuerpo".utf8))
        #expect(codes.isEmpty)
    }

    @Test func mixedLineEndsAndObsoleteSpaceBeforeColon() {
        let (result, _, _) = parse("From : a@b\nTo: c@d\r\nX-Empty:\n\n")
        #expect(result.fields["From"] == "a@b")
        #expect(result.fields["To"] == "c@d")
        #expect(result.fields["X-Empty"] == "")
    }

    @Test func lineWithoutColonBetweenFieldsIsAContinuation() {
        let (result, codes, _) = parse("To: a@b,\nc@d\nSubject: x\n\nbody")
        #expect(result.fields.count == 2)
        #expect(result.fields["To"] == "a@b, c@d")
        #expect(codes == [.headerWithoutColon])
    }

    @Test func lineWithoutColonAtTheEndStartsTheBody() {
        let (result, codes, bytes) = parse("From: a@b\nHola equipo,\ngracias\n")
        #expect(result.fields.count == 1)
        #expect(Array(bytes[result.bodyStart...]) == Array("Hola equipo,\ngracias\n".utf8))
        #expect(codes == [.headerWithoutColon])
    }

    @Test func mboxFromLineIsSkipped() {
        let (result, codes, _) = parse("From ana@x.cl Tue Mar  5 10:00:00 2024\nFrom: ana@x.cl\n\n")
        #expect(result.fields.count == 1)
        #expect(codes.isEmpty)
    }

    /// Regression (issue #10 item 6): an mbox `From ` line further down the header block ended
    /// the header (the real From: was lost and the mail held) or was glued onto the field
    /// before it. It is skipped, like Python's parser does.
    @Test func misplacedMboxLinesInsideTheHeaderAreSkipped() {
        let (result, codes, bytes) = parse("""
            Received: by mx\nFrom ana@x.cl Tue Mar  5 10:00:00 2024\n>From ana@x.cl Tue Mar  5 09:59:00 2024\n\
            Subject: Hola\n>From ana@x.cl Tue Mar  5 10:00:00 2024\nFrom: Ana <ana@x.cl>\n\ncuerpo
            """)
        #expect(result.fields["From"] == "Ana <ana@x.cl>")
        #expect(result.fields["Received"] == "by mx")
        #expect(result.fields["Subject"] == "Hola")
        #expect(result.fields.count == 3)
        #expect(Array(bytes[result.bodyStart...]) == Array("cuerpo".utf8))
        #expect(codes == [.misplacedMboxLine, .misplacedMboxLine, .misplacedMboxLine])
    }

    /// As in Python: a `From ` line after which the header does not go on is the body's first line.
    @Test func mboxLineEndingTheHeaderStartsTheBody() {
        let (result, codes, bytes) = parse("From: ana@x.cl\nFrom mi punto de vista, urge.\nGracias\n")
        #expect(result.fields.count == 1)
        #expect(Array(bytes[result.bodyStart...]) == Array("From mi punto de vista, urge.\nGracias\n".utf8))
        #expect(codes == [.headerWithoutColon])
        let (crlf, _, _) = parse("Subject: a\r\nFrom x@y Tue\r\nFrom: x@y\r\n\r\n")
        #expect(crlf.fields["From"] == "x@y")
        #expect(crlf.fields["Subject"] == "a")
    }

    @Test func eightBitValues() {
        var bytes = Array("Subject: ".utf8) + [0x61, 0xF1, 0x6F] + Array("\nX-Utf: ".utf8) + Array("año\n\n".utf8)
        var diagnostics: [Diagnostic] = []
        let result = bytes.withUnsafeMutableBufferPointer {
            HeaderBlockParser(limits: .init()).parse(UnsafeBufferPointer($0), from: 0, to: $0.count, diagnostics: &diagnostics)
        }
        #expect(result.fields["Subject"] == "año")
        #expect(result.fields["X-Utf"] == "año")
        #expect(diagnostics.map(\.code) == [.eightBitHeader])
        bytes.removeAll()
    }

    @Test func limitsCapFieldsAndLength() {
        var limits = MessageParser.Limits()
        limits.maxHeaderFields = 3
        limits.maxHeaderFieldBytes = 10
        let (result, codes, _) = parse("A: 1\nB: 2\nC: 3\nD: 4\nLong: 0123456789abcdef\n folded more\n\n", limits: limits)
        #expect(result.fields.count == 3)
        #expect(codes.contains(.tooManyHeaders))
        limits.maxHeaderFields = 10
        let (long, longCodes, _) = parse("Long: 0123456789abcdef\n folded more\nShort: 0123456789abcdef\n\n", limits: limits)
        #expect(long.fields["Long"]?.utf8.count ?? 0 <= 10)
        #expect(long.fields["Short"] == "0123456789")
        #expect(longCodes == [.headerTooLong, .headerTooLong])
    }

    @Test func emptyInputAndHeaderOnlyInput() {
        #expect(parse("").0.fields.count == 0)
        let (result, _, bytes) = parse("Subject: solo cabecera")
        #expect(result.fields["Subject"] == "solo cabecera")
        #expect(result.bodyStart == bytes.count)
    }
}
