import Testing
@testable import BuzonTrim

/// `LetterKey.write` has fast paths for ASCII and Latin-1 letters; `LetterKey.append` goes
/// character by character through the general folding. Both must give the same key.
@Suite struct LetterKeyTests {
    @Test func foldsMarkersTolerantly() {
        #expect(LetterKey.of("##- Por favor, escriba su respuesta por encima de esta línea -##")
            == Array("porfavorescribasurespuestaporencimadeestalinea".utf8))
        #expect(LetterKey.of("—–#### ÁÉÍÓÚ Ñandú Çà ####—–") == Array("aeiounanduca".utf8))
    }

    @Test func fastPathsAgreeWithTheGeneralFolding() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "9", " ", "-", "#", "á", "Ñ", "ü", "×", "¿", "«", "\u{A0}", "—", "–", "İ", "ß", "Ω", "д",
                      "中", "😀", "e\u{301}", "Œ", "ÿ"]
        for round in 0..<3_000 {
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            var general: [UInt8] = []
            bytes.withUnsafeBufferPointer { LetterKey.append($0, to: &general) }
            // Room as `ReplyText` gives it (sized like the text), with slack, and tighter. The
            // buffer has a guard zone after `room`: the fast path writes through a pointer,
            // so a write past the room would not trap; it would show in the guard zone.
            for room in [bytes.count + 8, bytes.count, max(0, bytes.count - 4)] {
                var backing = [UInt8](repeating: 0, count: room + 64)
                var count = 0
                let fits = bytes.withUnsafeBufferPointer { source in
                    backing.withUnsafeMutableBufferPointer {
                        LetterKey.write(source, into: UnsafeMutableBufferPointer(rebasing: $0[..<room]), count: &count)
                    }
                }
                #expect(backing[room...].allSatisfy { $0 == 0 }, "round \(round): wrote past the room")
                if fits {
                    #expect(Array(backing[..<count]) == general, "round \(round): \(text.debugDescription)")
                } else {
                    #expect(general.count > room, "round \(round): \(text.debugDescription) reported full with room")
                }
            }
        }
    }
}
