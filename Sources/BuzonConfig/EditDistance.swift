/// "Did you mean …" for misspelled keys and section names.
public enum EditDistance {
    /// Levenshtein distance between two strings, by Character.
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The closest candidate when it is close enough to be a plausible typo (at most a third
    /// of the word's letters differ, and never more than 3), nil otherwise.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let limit = min(3, max(1, word.count / 3))
        let ranked = candidates
            .map { (candidate: $0, distance: between(word.lowercased(), $0.lowercased())) }
            .filter { $0.distance <= limit }
            .min { $0.distance < $1.distance }
        return ranked?.candidate
    }

    /// ` (did you mean "x"?)` or an empty string.
    public static func hint(for word: String, among candidates: [String]) -> String {
        suggestion(for: word, among: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}
