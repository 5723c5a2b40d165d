import Testing
@testable import BuzonTrim

/// `LetterKey.write` has fast paths for ASCII and Latin-1 letters; `LetterKey.append` goes
/// character by character through the general folding. Both must give the same key.
@Suite struct LetterKeyTests {
    @Test func foldsMarkersTolerantly() {
        #expect(LetterKey.of("##- Por favor, escriba su respuesta por encima de esta línea -##")
            == Array("porfavorescribasurespuestaporencimadeestalinea".utf8))
        #expect(LetterKey.of("—–#### ÁÉÍÓÚ Ñandú Çà ####—–") == Array("aeiounanduca".utf8))
        // The letters without an ASCII base are keyed approximately; the signs × ÷ are not letters.
        #expect(LetterKey.of("Ð ð Þ þ ß × ÷ Æ ø ÿ") == Array("ddttsaoy".utf8))
    }

    @Test func fastPathsAgreeWithTheGeneralFolding() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "9", " ", "-", "#", "á", "Ñ", "ü", "×", "¿", "«", "\u{A0}", "—", "–", "İ", "ß", "Ω", "д",
                      "中", "😀", "e\u{301}", "Œ", "ÿ"]
        for round in 0..<3_000 {
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            var general: [UInt8] = []
            LetterKey.append(bytes.span, to: &general)
            // Room as `ReplyText` gives it (sized like the text), with slack, and tighter.
            // Writing past the room cannot go unnoticed: `OutputSpan` traps on it.
            for room in [bytes.count + 8, bytes.count, max(0, bytes.count - 4)] {
                var fits = false
                let key = [UInt8](capacity: room) { out in fits = LetterKey.write(bytes.span, into: &out) }
                #expect(key.count <= room, "round \(round): wrote past the room")
                if fits {
                    #expect(key == general, "round \(round): \(text.debugDescription)")
                } else {
                    #expect(general.count > room, "round \(round): \(text.debugDescription) reported full with room")
                }
            }
        }
    }
}
