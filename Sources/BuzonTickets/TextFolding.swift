import Foundation

/// Accent- and case-insensitive text, for keyword matching in Spanish mail
/// (`Cómo` and `como`, `CALIFICACIÓN` and `calificacion` are the same word).
enum TextFolding {
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }

    /// True when `keyword` (already folded) starts a word in `folded` text: `cambio` finds
    /// `Cambios` but not `intercambio`.
    static func containsWord(startingWith keyword: String, in folded: String) -> Bool {
        guard !keyword.isEmpty else { return false }
        var searchRange = folded.startIndex..<folded.endIndex
        while let found = folded.range(of: keyword, range: searchRange) {
            if found.lowerBound == folded.startIndex
                || !folded[folded.index(before: found.lowerBound)].isLetter {
                return true
            }
            searchRange = found.upperBound..<folded.endIndex
        }
        return false
    }
}
