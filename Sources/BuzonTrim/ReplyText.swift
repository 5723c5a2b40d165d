/// The lines of a reply body, classified once, for the line rules of `ReplyTrimmer`.
///
/// Lines end at LF; a CR before it is dropped, so CRLF and LF bodies trim identically.
/// Letter keys (`LetterKey`) are computed on demand and cached: most lines never need one.
struct ReplyText {
    let lines: [Substring]
    private var keys: [String?]

    init(_ text: String) {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x0A {
                lines.append(ReplyText.line(text, from: start, to: index))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { lines.append(ReplyText.line(text, from: start, to: utf8.endIndex)) }
        self.lines = lines
        keys = Array(repeating: nil, count: lines.count)
    }

    private static func line(_ text: String, from start: String.Index, to end: String.Index) -> Substring {
        var end = end
        if end > start, text.utf8[text.utf8.index(before: end)] == 0x0D { end = text.utf8.index(before: end) }
        return text[start..<end]
    }

    var count: Int { lines.count }

    /// The line without leading white space.
    func content(_ index: Int) -> Substring {
        lines[index].drop { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
    }

    func isBlank(_ index: Int) -> Bool {
        lines[index].allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
    }

    /// A line of a `>` quote (RFC 3676 §4.5 quote marks, tolerating leading spaces).
    func isQuoted(_ index: Int) -> Bool {
        content(index).first == ">"
    }

    mutating func key(_ index: Int) -> String {
        if let key = keys[index] { return key }
        let key = LetterKey.of(lines[index])
        keys[index] = key
        return key
    }

    /// The text of `range` joined with LF, leading and trailing blank lines removed.
    func joined(_ range: Range<Int>) -> String {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isBlank(lower) { lower += 1 }
        while upper > lower, isBlank(upper - 1) { upper -= 1 }
        return lines[lower..<upper].joined(separator: "\n")
    }
}
