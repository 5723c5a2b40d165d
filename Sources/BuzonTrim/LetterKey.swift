/// The letters-only form used to compare marker, separator and footer lines tolerantly.
///
/// Why: desks rewrap and re-punctuate the gateway's marker (`##-`, `—–####`, spaces, a `> `
/// quote prefix), and mail clients swap dashes or accents. Comparing only letters and digits,
/// case-folded with Latin accents removed, makes all those variants the same key:
/// `"##- Por favor, escriba su respuesta por encima de esta línea -##"` →
/// `"porfavorescribasurespuestaporencimadeestalinea"`.
enum LetterKey {
    static func of<S: StringProtocol>(_ text: S) -> String {
        var key = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    key.append(scalar)
                } else if (0x41...0x5A).contains(value), let lower = Unicode.Scalar(value + 0x20) {
                    key.append(lower)
                }
            } else if (0xC0...0xFF).contains(value) {
                let folded = latin1Folding[Int(value - 0xC0)]
                if folded != "*" { key.append(folded) }
            } else if scalar.properties.isAlphabetic {
                key.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(key)
    }

    /// Base letters for U+00C0…U+00FF (`*` = not a letter: × and ÷).
    private static let latin1Folding: [Unicode.Scalar] = Array(
        "aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo*ouuuuyty".unicodeScalars)
}
