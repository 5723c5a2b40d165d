/// Turns free text (subjects, display names, header values) into safe header tokens.
enum OutgoingHeaderText {
    /// Replaces every control character with a space: C0 (including CR, LF, TAB, NUL),
    /// DEL, C1 (including U+0085 NEL), U+2028 and U+2029. Those are exactly the characters
    /// some software treats as a line end; removing them before any encoding is what makes
    /// header injection impossible, whatever the encoding step does afterwards.
    static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isControl(scalar) ? " " : scalar)
        }
        return String(scalars)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Longest plain word kept as is; longer ones force encoded words, which can be split.
    static let maxPlainWord = 900

    /// Tokens for unstructured text (RFC 5322 §3.2.5): plain words when the text is
    /// printable ASCII with no `=?` (which a reader would try to decode), else encoded words.
    static func unstructuredTokens(_ text: String, firstTokenRoom: Int) -> [String] {
        let clean = trimmed(sanitized(text))
        let words = clean.split(separator: " ", omittingEmptySubsequences: true)
        let isPlain = clean.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
            && !clean.contains("=?") && words.allSatisfy { $0.utf8.count <= maxPlainWord }
        if isPlain { return words.map(String.init) }
        return EncodedWordEncoder.encode(clean, firstWordLimit: firstTokenRoom)
    }

    /// Tokens for a display name (RFC 5322 §3.2.5 phrase): atoms as they are, otherwise one
    /// quoted string, otherwise (non-ASCII or too long to quote) encoded words.
    static func phraseTokens(_ name: String) -> [String] {
        let clean = trimmed(sanitized(name))
        guard !clean.isEmpty else { return [] }
        let isASCII = clean.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if isASCII, !clean.contains("=?") {
            let words = clean.split(separator: " ").map(String.init)
            if words.allSatisfy({ $0.utf8.allSatisfy(isAtext) }) , words.allSatisfy({ $0.utf8.count <= 76 }) {
                return words
            }
            let quoted = "\"" + clean.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"") + "\""
            if quoted.utf8.count <= 76 { return [quoted] }
        }
        return EncodedWordEncoder.encode(clean)
    }

    /// RFC 5322 §3.2.3 atext: ALPHA / DIGIT / "!#$%&'*+-/=?^_`{|}~".
    static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return Array("!#$%&'*+-/=?^_`{|}~".utf8).contains(byte)
        }
    }

    /// `text` without leading and trailing ASCII white space (bytes, no grapheme breaking).
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(text[first...last])
    }
}
