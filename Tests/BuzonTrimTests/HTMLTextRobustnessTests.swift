import Testing
@testable import BuzonMIME
@testable import BuzonTrim

/// Random tag soup: whatever comes in, the converter and the trimmer return, and the
/// converter's layout promises hold.
@Suite struct HTMLTextRobustnessTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = ["<", ">", "</", "<div", "<p>", "</p>", "<br>", "<a href=\"", "\"", "'", "=", "&", "&amp;", "&#",
                         "&#x", ";", "<!--", "-->", "<script>", "</script>", "<pre>", "</pre>", "<li>", "<blockquote>",
                         "</blockquote>", " ", "\n", "\r\n", "\t", "texto", "ñ", "é", "🇨🇱", "\u{0}", "&nbsp;", "<head>",
                         "<![CDATA[", "<?xml", "<div class=\"gmail_quote\">", "<blockquote type=\"cite\">", "El lun, 1 escribió:",
                         "> ", "-- ", "##- Por favor, escriba su respuesta por encima de esta línea -##"]

    @Test func randomTagSoupNeverTrapsAndKeepsLayoutPromises() {
        var random = SplitMix(state: 20261123)
        let trimmer = ReplyTrimmer()
        for _ in 0..<2_000 {
            let length = Int.random(in: 0..<60, using: &random)
            let html = (0..<length).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let text = HTMLText.plainText(fromHTML: html)
            #expect(!text.contains("\n\n\n"), "\(html)")
            #expect(!text.hasPrefix("\n") && !text.hasSuffix("\n"), "\(html)")
            #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") }, "\(html)")
            _ = trimmer.trim(html: html)
            _ = trimmer.trim(text: html)
        }
    }

    /// The writer compacts its output in place; it must give exactly what copying line by
    /// line gives (trailing blanks cut, blank runs to one blank line, none at the ends).
    @Test func inPlaceFinishMatchesALineByLineCopy() {
        func reference(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = []
            var blankRun = 0
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                var trimmed = line[...]
                while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
                if trimmed.isEmpty {
                    blankRun += 1
                    continue
                }
                if !out.isEmpty { out += blankRun > 0 ? [0x0A, 0x0A] : [0x0A] }
                out += trimmed
                blankRun = 0
            }
            return out
        }
        var random = SplitMix(state: 11)
        let alphabet: [UInt8] = [0x0A, 0x0A, 0x20, 0x20, 0x09, 0x61, 0x62, 0xC3, 0xB1]
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 0...60, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            var writer = HTMLTextWriter(capacity: 0)
            bytes.withUnsafeBufferPointer { writer.append(contentsOf: $0) }
            #expect(writer.finishedBytes() == reference(bytes), "\(bytes)")
        }
    }

    @Test func invalidUTF8NeverTraps() {
        var random = SplitMix(state: 7)
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0..<200, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let html = String(decoding: bytes, as: UTF8.self)
            _ = HTMLText.plainText(fromHTML: html)
            _ = ReplyTrimmer().trim(text: html)
        }
    }
}
