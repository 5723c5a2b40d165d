/// Folds one header field into lines (RFC 5322 §2.2.3): tokens joined by single spaces,
/// and where the next token would pass 78 characters the space becomes CRLF + space.
///
/// RFC 5322 §2.1.1: "Each line of characters MUST be no more than 998 characters, and
/// SHOULD be no more than 78 characters, excluding the CRLF." Callers keep every token
/// short enough (encoded words ≤ 75, validated addresses and ids, plain words ≤ 900) so
/// the 998 limit always holds; a line passes 78 only when a single token is that long.
enum OutgoingHeaderFolder {
    static let softLimit = 78
    static let hardLimit = 998

    /// `Name: token token…` with folding, without the final CRLF.
    static func fold(name: String, tokens: [String]) -> String {
        var result = name + ":"
        var lineLength = result.utf8.count
        var tokensOnLine = 0
        for token in tokens where !token.isEmpty {
            let length = token.utf8.count
            // The first token may also move to a continuation line ("To:" CRLF SP word) when
            // it fits there but not after the name: FWS may follow the colon.
            let mustWrap = tokensOnLine > 0 || length + 1 <= softLimit
            if mustWrap, lineLength + 1 + length > softLimit {
                result += "\r\n " + token
                lineLength = 1 + length
            } else {
                result += " " + token
                lineLength += 1 + length
            }
            tokensOnLine += 1
        }
        return result
    }

    /// Room left for the first token after `Name: `.
    static func firstTokenRoom(name: String) -> Int {
        softLimit - name.utf8.count - 2
    }
}
