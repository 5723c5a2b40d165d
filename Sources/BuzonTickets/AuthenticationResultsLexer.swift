/// Tokenizer for RFC 8601 header values: drops comments (nested parentheses, RFC 5322
/// §3.2.2 `ccontent`), unquotes quoted strings, splits `resinfo`s on `;`.
enum AuthenticationResultsLexer {
    /// The value split on `;` (outside quotes and comments), each part as tokens:
    /// words, quoted strings (unquoted), `=`. Dots stay inside words (`header.d`).
    static func segments(of value: String) -> [[String]] {
        var segments: [[String]] = [[]]
        var word = ""
        var wordIsQuoted = false
        var depth = 0
        var inQuotes = false
        var escaped = false
        func flush() {
            if !word.isEmpty || wordIsQuoted { segments[segments.count - 1].append(word) }
            word = ""
            wordIsQuoted = false
        }
        for character in value {
            if escaped {
                if depth == 0 { word.append(character) }
                escaped = false
            } else if character == "\\" && (inQuotes || depth > 0) {
                escaped = true
            } else if inQuotes {
                if character == "\"" { inQuotes = false } else { word.append(character) }
            } else if character == "(" {
                depth += 1
                flush()
            } else if character == ")" && depth > 0 {
                depth -= 1
            } else if depth > 0 {
                continue
            } else if character == "\"" {
                inQuotes = true
                wordIsQuoted = true
            } else if character == ";" {
                flush()
                segments.append([])
            } else if character == "=" {
                flush()
                segments[segments.count - 1].append("=")
            } else if character.isWhitespace {
                flush()
            } else {
                word.append(character)
            }
        }
        flush()
        return segments
    }

    /// `[k, "=", v, k2, "=", v2]` → pairs; a key without `=`/value is skipped.
    static func pairs(_ tokens: [String]) -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = []
        var index = 0
        while index < tokens.count {
            if index + 2 < tokens.count, tokens[index + 1] == "=", tokens[index] != "=" {
                pairs.append((tokens[index], tokens[index + 2]))
                index += 3
            } else {
                index += 1
            }
        }
        return pairs
    }
}
