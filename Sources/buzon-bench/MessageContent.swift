/// The body of a human message in both forms a client sends: plain lines and HTML.
struct MessageContent {
    /// Lines without terminators (CRLF is added when encoding).
    var plain: [String]
    var html: String

    static func escapeHTML(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Paragraphs as wrapped plain lines separated by blank lines.
    static func plainLines(_ paragraphs: [String]) -> [String] {
        var lines: [String] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { lines.append("") }
            lines += SpanishText.wrap(paragraph)
        }
        return lines
    }

    static func htmlParagraphs(_ paragraphs: [String]) -> String {
        paragraphs.map { "<div>\(escapeHTML($0))</div>" }.joined(separator: "\r\n<div><br></div>\r\n")
    }
}
