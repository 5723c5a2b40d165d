/// The letters-only form used to compare marker, separator and footer lines tolerantly.
///
/// Why: desks rewrap and re-punctuate the gateway's marker (`##-`, `—–####`, spaces, a `> `
/// quote prefix), and mail clients swap dashes or accents. Comparing only letters and digits,
/// case-folded with Latin accents removed, makes all those variants the same key:
/// `"##- Por favor, escriba su respuesta por encima de esta línea -##"` →
/// `"porfavorescribasurespuestaporencimadeestalinea"`.
///
/// Works on UTF-8 bytes: ASCII and Latin-1 letters (all of Spanish and Portuguese) take a
/// table lookup; other scripts go through `Unicode.Scalar.Properties`, which is rare and slower.
enum LetterKey {
    static func of(_ text: String) -> [UInt8] {
        of(Array(text.utf8)[...])
    }

    static func of(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { append($0, to: &key) }
        return key
    }

    /// Appends the key of `bytes` to `key`, so the keys of many lines can share one buffer
    /// (`ReplyText` keys every line of a body: one allocation instead of one per line).
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to key: inout [UInt8]) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                    key.append(byte)
                } else if (0x41...0x5A).contains(byte) {
                    key.append(byte + 0x20)
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            guard length > 1, index + length <= bytes.count else {
                index += 1
                continue
            }
            var value = UInt32(byte) & (0xFF >> (length + 1))
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            appendFolded(value, to: &key)
            index += length
        }
    }

    private static func appendFolded(_ value: UInt32, to key: inout [UInt8]) {
        // Latin-1 symbols (¡ ¿ « » no-break space) and general punctuation (– — ‘ ’ “ ”) are
        // frequent in mail and never letters: skip them before the slow property lookup.
        if (0x80...0xBF).contains(value) || (0x2000...0x206F).contains(value) { return }
        if (0xC0...0xFF).contains(value) {
            let folded = latin1Folding[Int(value - 0xC0)]
            if folded != UInt8(ascii: "*") { key.append(folded) }
        } else if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic {
            key.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
        }
    }

    /// Base letters for U+00C0…U+00FF (`*` = not a letter: × and ÷).
    private static let latin1Folding: [UInt8] = Array(
        "aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo*ouuuuyty".utf8)
}
