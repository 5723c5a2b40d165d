import Foundation

/// Recognizes a reply that is only a satisfaction rating (on finishing, the
/// customer rates the support): `5`, `5 estrellas`, `Calificación: 4`, `4/5`, `4 de 5`,
/// `⭐⭐⭐⭐`.
///
/// Contract: after folding accents and case, the text is short (≤ 60 characters) and holds
/// exactly one rating 1–5 (optionally followed by `/5`, `de 5` or `sobre 5`), and every
/// other word is rating vocabulary (`estrellas`, `calificacion`, `nota`, `puntaje`, `gracias`
/// …). Anything else (`5 usuarios no pueden entrar`) is not a rating.
public enum RatingReply {
    static let vocabulary: Set<String> = [
        "estrella", "estrellas", "calificacion", "calificamos", "califico", "nota", "puntaje", "puntuacion",
        "puntos", "punto", "rating", "score", "stars", "star", "de", "sobre", "mi", "es", "le", "doy", "pongo",
        "gracias", "muchas", "excelente", "bueno", "buena", "muy", "atencion", "servicio", "soporte",
    ]

    public static func rating(in text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 60 else { return nil }
        let stars = trimmed.filter { $0 == "⭐" || $0 == "★" }.count
        if stars > 0, trimmed.allSatisfy({ $0 == "⭐" || $0 == "★" || $0.isWhitespace }) {
            return (1...5).contains(stars) ? stars : nil
        }
        let words = TextFolding.fold(trimmed)
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map(String.init)
        var numbers = words.compactMap { Int($0) }
        guard words.filter({ Int($0) == nil }).allSatisfy(vocabulary.contains) else { return nil }
        let outOfFive = numbers.count == 2 && numbers[1] == 5
            && (trimmed.contains("/") || words.contains("de") || words.contains("sobre"))
        if outOfFive { numbers.removeLast() }
        guard numbers.count == 1, let rating = numbers.first, (1...5).contains(rating) else { return nil }
        return rating
    }
}
