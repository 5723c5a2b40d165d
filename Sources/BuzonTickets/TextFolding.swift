import Foundation
import BuzonMIME

/// Accent- and case-insensitive text, for keyword matching in Spanish mail
/// (`Cómo` and `como`, `CALIFICACIÓN` and `calificacion` are the same word).
///
/// Why hand-rolled: it runs on every message's subject and text (categories, ratings), and
/// Foundation's `folding`/`range(of:)` dominated the decide-and-store profile. ASCII and the
/// Latin-1 letters of Spanish and Portuguese fold through a table (`LatinFolding`, shared
/// with the reply trimmer's letter keys); anything else falls back to Foundation's folding
/// for that one character.
enum TextFolding {
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                out.append(value >= 65 && value <= 90 ? Unicode.Scalar(value | 0x20)! : scalar)
            } else if let folded = LatinFolding.exactBase(of: value) {
                out.append(Unicode.Scalar(folded))
            } else if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark {
                out.append(contentsOf: String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive],
                                                              locale: Locale(identifier: "en_US_POSIX")).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True when `keyword` (already folded) starts a word in `folded` text: `cambio` finds
    /// `Cambios` but not `intercambio`. Compares UTF-8 bytes: both sides are folded the same way.
    static func containsWord(startingWith keyword: String, in folded: String) -> Bool {
        let needle = keyword.utf8.span
        guard !needle.isEmpty else { return false }
        let bytes = folded.utf8.span
        guard bytes.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, startsWord(folded, bytes, at: index), matches(bytes, needle, at: index) { return true }
            index += 1
        }
        return false
    }

    private static func matches(_ bytes: Span<UInt8>, _ needle: Span<UInt8>, at index: Int) -> Bool {
        for offset in 1..<needle.count where bytes[index + offset] != needle[offset] { return false }
        return true
    }

    /// A word starts at `index` unless the character before it is a letter (`¿cómo` and
    /// `(cambio` start words; `intercambio` does not).
    /// `bytes` is `text.utf8.span`.
    private static func startsWord(_ text: String, _ bytes: Span<UInt8>, at index: Int) -> Bool {
        guard index > 0 else { return true }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }  // back to the scalar's lead byte
        let scalar = text.unicodeScalars[text.utf8.index(text.utf8.startIndex, offsetBy: start)]
        return !Character(scalar).isLetter
    }
}
