import Testing
@testable import BuzonMIME

@Suite struct CharsetDecoderTests {
    private func decode(_ bytes: [UInt8], _ charset: String?) -> (String, [Diagnostic.Code]) {
        var diagnostics: [Diagnostic] = []
        let text = CharsetDecoder.decode(bytes, charset: charset, diagnostics: &diagnostics)
        return (text, diagnostics.map(\.code))
    }

    @Test(arguments: ["iso-8859-1", "ISO_8859-1", "latin1", "\"iso-8859-1\"", "ISO-8859-1:1987", "l1", "cp1252", "windows-1252", " Windows-1252 "])
    func latin1AndWindows1252Aliases(_ name: String) {
        #expect(decode([0x61, 0xF1, 0x6F], name) == ("año", []))
    }

    @Test func windows1252HighRange() {
        #expect(decode([0x80, 0x93, 0x94, 0x96, 0x85, 0x99], "windows-1252").0 == "€“”–…™")
        // Undefined positions map to the C1 control of the same value, not lost.
        #expect(decode([0x81], "cp1252").0.unicodeScalars.first?.value == 0x81)
    }

    @Test func latin9DiffersFromLatin1() {
        #expect(decode([0xA4, 0xBD], "iso-8859-15").0 == "€œ")
        #expect(decode([0xA4, 0xBD], "iso-8859-1").0 == "¤½")
    }

    /// `validUTF8` (decode, then compare) must agree with the standard library's
    /// `String(validating:as:)` on every input: valid text in every scalar length, and text
    /// with truncated, overlong, surrogate and stray continuation bytes mixed in.
    @Test func validUTF8AgreesWithTheStandardLibrary() {
        var random = RobustnessTests.SeededGenerator(state: 2026)
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("ñ".utf8), Array("€".utf8), Array("😀".utf8), Array("\u{FFFD}".utf8),
            [0x80], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0xF4, 0x90, 0x80, 0x80],
        ]
        var invalid = 0
        for round in 0..<4_000 {
            var bytes: [UInt8] = []
            let validOnly = round % 2 == 0
            for _ in 0..<Int.random(in: 0...24, using: &random) {
                let piece = pieces[Int.random(in: 0..<(validOnly ? 5 : pieces.count), using: &random)]
                bytes += piece
            }
            let expected = String(validating: bytes, as: UTF8.self)
            let actual = bytes.withUnsafeBufferPointer { CharsetDecoder.validUTF8($0) }
            #expect(actual == expected, "bytes \(bytes)")
            if expected == nil { invalid += 1 }
        }
        #expect(invalid > 1_000)
    }

    @Test func utf8AliasesAndInvalidBytes() {
        #expect(decode(Array("ñandú".utf8), "utf8") == ("ñandú", []))
        #expect(decode(Array("ñandú".utf8), "UTF-8") == ("ñandú", []))
        let (text, codes) = decode([0x61, 0xFF, 0x62], "utf-8")
        #expect(text == "a\u{FFFD}b")
        #expect(codes == [.invalidCharsetBytes])
    }

    @Test func undeclaredTextPrefersUTF8ThenWindows1252() {
        #expect(decode(Array("canción".utf8), nil) == ("canción", []))
        #expect(decode([0x63, 0x61, 0x6E, 0x63, 0x69, 0xF3, 0x6E], nil) == ("canción", []))
        #expect(decode([0x93, 0x68, 0x94], "") == ("“h”", []))
    }

    @Test func iconvCharsets() {
        #expect(decode([0xA3, 0xF3, 0x64, 0xBC], "ISO-8859-2") == ("Łódź", []))
        #expect(decode([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "koi8-r") == ("Привет", []))
        // ISO-2022-JP "日本" (ESC $ B 0F 4B ESC ( B)
        #expect(decode([0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42], "iso-2022-jp").0 == "日本")
    }

    @Test func iconvInvalidBytesAreReplaced() {
        let (text, codes) = decode([0x41, 0xFF, 0x42], "Shift_JIS")
        #expect(text == "A\u{FFFD}B")
        #expect(text.contains("\u{FFFD}"))
        #expect(codes == [.invalidCharsetBytes])
    }

    @Test func unknownCharsetIsUndeclaredWithDiagnostic() {
        #expect(decode([0x61, 0xF1, 0x6F], "x-no-existe") == ("año", [.unknownCharset]))
    }

    @Test func declaredAsciiWithEightBitBytes() {
        #expect(decode(Array("ñ".utf8), "us-ascii") == ("ñ", [.invalidCharsetBytes]))
    }
}
