/// A forgiving, single-pass HTML tokenizer over UTF-8 bytes.
///
/// Why hand-written: mail HTML is routinely broken (unclosed tags, `<` in text, Outlook's
/// conditional comments, megabyte-long inline `style` or `data:` attributes) and the parse
/// benchmark runs it on every message. The contract is the browser's attitude, simplified:
/// never trap, never go back more than once over the same bytes, and always make progress.
///
/// - A `<` that is not followed by a letter, `/` + letter, `!` or `?` is text.
/// - A tag whose quoted attribute value never closes ends at the first `>` after its `<`.
/// - A tag with no `>` at all ends the input (its bytes are dropped, as browsers do).
/// - `script`, `style`, `title` and `textarea` content is raw text up to the matching end tag.
package struct HTMLTokenizer {
    package enum Token {
        case text(Range<Int>)
        /// Content of a raw-text element (`script`, `style`, `title`, `textarea`).
        case rawText(Range<Int>)
        case tag(HTMLTag)
        /// Comments, doctypes and processing instructions: nothing to render.
        case ignorable
    }

    package let bytes: [UInt8]
    package private(set) var position = 0
    private var rawTextElement: String?
    /// Positions from which the given quote byte is known not to occur again; keeps broken
    /// attribute quoting from turning the scan quadratic.
    private var noDoubleQuoteFrom = Int.max
    private var noSingleQuoteFrom = Int.max

    package init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    package mutating func next() -> Token? {
        if let element = rawTextElement {
            rawTextElement = nil
            return rawText(until: element)
        }
        guard position < bytes.count else { return nil }
        if bytes[position] == UInt8(ascii: "<"), startsMarkup(at: position) {
            return markup()
        }
        let start = position
        position = textEnd(from: position + 1)
        return .text(start..<position)
    }

    /// Where the text starting before `from` ends: the next `<` that starts markup, found
    /// with `memchr` (text is most of the bytes of mail HTML, and `<` is rare in it).
    private func textEnd(from start: Int) -> Int {
        let raw = bytes.span
        var index = start
        while let open = ByteScan.firstIndex(of: UInt8(ascii: "<"), in: raw, from: index, to: raw.count) {
            if HTMLTokenizer.startsMarkup(raw, at: open) { return open }
            index = open &+ 1
        }
        return raw.count
    }

    private func startsMarkup(at index: Int) -> Bool {
        HTMLTokenizer.startsMarkup(bytes.span, at: index)
    }

    /// Whether the `<` at `index` starts a tag, comment or declaration (else it is text):
    /// a letter, `!` or `?` follows, or `/` and a letter. The reply trimmer skips markup the
    /// same way when it scans raw HTML.
    package static func startsMarkup(_ bytes: Span<UInt8>, at index: Int) -> Bool {
        guard index + 1 < bytes.count else { return false }
        let next = bytes[index + 1]
        if isLetter(next) || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") { return true }
        return next == UInt8(ascii: "/") && index + 2 < bytes.count && isLetter(bytes[index + 2])
    }

    private mutating func markup() -> Token {
        let next = bytes[position + 1]
        if next == UInt8(ascii: "!") {
            if matches("<!--", at: position) {
                position = find("-->", from: position + 4).map { $0 + 3 } ?? bytes.count
            } else {
                position = (firstIndex(of: UInt8(ascii: ">"), from: position) ?? bytes.count - 1) + 1
            }
            return .ignorable
        }
        if next == UInt8(ascii: "?") {
            position = (firstIndex(of: UInt8(ascii: ">"), from: position) ?? bytes.count - 1) + 1
            return .ignorable
        }
        return tag()
    }

    private mutating func tag() -> Token {
        let start = position
        var index = position + 1
        let isEnd = bytes[index] == UInt8(ascii: "/")
        if isEnd { index += 1 }
        let nameStart = index
        while index < bytes.count, HTMLTokenizer.isNameByte(bytes[index]) { index += 1 }
        let name = HTMLTokenizer.name(bytes, nameStart..<index)
        let attributesStart = index
        guard let close = tagEnd(from: index, tagStart: start) else {
            position = bytes.count
            return .ignorable
        }
        position = close + 1
        let selfClosing = close > attributesStart && bytes[close - 1] == UInt8(ascii: "/")
        if !isEnd, !selfClosing, HTMLTokenizer.isRawTextElement(name) { rawTextElement = name }
        return .tag(HTMLTag(name: name, isEnd: isEnd, isSelfClosing: selfClosing,
                            range: start..<position, attributes: attributesStart..<close))
    }

    /// Index of the `>` closing the tag, honouring quoted attribute values.
    private mutating func tagEnd(from start: Int, tagStart: Int) -> Int? {
        var noDoubleQuoteFrom = self.noDoubleQuoteFrom
        var noSingleQuoteFrom = self.noSingleQuoteFrom
        defer {
            self.noDoubleQuoteFrom = noDoubleQuoteFrom
            self.noSingleQuoteFrom = noSingleQuoteFrom
        }
        let raw = bytes.span
        var index = start
        var afterEquals = false
        while index < raw.count {
            let byte = raw[index]
            if byte == UInt8(ascii: ">") { return index }
            if afterEquals, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                let isDouble = byte == UInt8(ascii: "\"")
                let valueStart = index + 1
                let closing = valueStart >= (isDouble ? noDoubleQuoteFrom : noSingleQuoteFrom)
                    ? nil : ByteScan.firstIndex(of: byte, in: raw, from: valueStart, to: raw.count)
                guard let closing else {
                    if isDouble { noDoubleQuoteFrom = min(noDoubleQuoteFrom, valueStart) }
                    else { noSingleQuoteFrom = min(noSingleQuoteFrom, valueStart) }
                    return ByteScan.firstIndex(of: UInt8(ascii: ">"), in: raw, from: tagStart, to: raw.count)
                }
                index = closing + 1
                afterEquals = false
                continue
            }
            if byte == UInt8(ascii: "=") {
                afterEquals = true
            } else if !HTMLTokenizer.isSpace(byte) {
                afterEquals = false
            }
            index += 1
        }
        return nil
    }

    private mutating func rawText(until element: String) -> Token {
        let start = position
        var index = position
        let closing = Array("</\(element)".utf8)
        while let candidate = firstIndex(of: UInt8(ascii: "<"), from: index) {
            if matchesCaseInsensitive(closing, at: candidate) {
                position = candidate
                return .rawText(start..<candidate)
            }
            index = candidate + 1
        }
        position = bytes.count
        return .rawText(start..<bytes.count)
    }

    // MARK: Byte helpers

    private func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        ByteScan.firstIndex(of: byte, in: bytes.span, from: start, to: bytes.count)
    }

    private func find(_ needle: String, from start: Int) -> Int? {
        let pattern = Array(needle.utf8)
        var index = start
        while let candidate = firstIndex(of: pattern[0], from: index) {
            if matches(needle, at: candidate) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    private func matches(_ needle: String, at index: Int) -> Bool {
        matchesCaseInsensitive(Array(needle.utf8), at: index)
    }

    private func matchesCaseInsensitive(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where HTMLTokenizer.lower(bytes[index + offset]) != pattern[offset] {
            return false
        }
        return true
    }

    /// At most two small-string comparisons, chosen by length: cheaper than hashing every
    /// tag name into a set.
    static func isRawTextElement(_ name: String) -> Bool {
        switch name.utf8.count {
        case 5: name == "style" || name == "title"
        case 6: name == "script"
        case 8: name == "textarea"
        default: false
        }
    }

    package static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    package static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: "_")
    }

    package static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    package static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// The lower-cased tag name: for the common tags, a constant string (no bytes copied,
    /// nothing validated or released); every tag of every HTML body passes here.
    private static func name(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        let known = commonNames.value(lowercasing: bytes.span.extracting(range))
        return known ?? ASCII.lowercased(bytes[range])
    }

    private static let commonNames = ShortNameTable([
        "a", "b", "i", "u", "p", "br", "hr", "em", "li", "ol", "ul", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
        "o:p", "div", "img", "pre", "sup", "sub", "col", "nav", "span", "font", "body", "head", "html", "meta", "link",
        "base", "form", "main", "table", "tbody", "thead", "tfoot", "title", "style", "small", "strong", "center",
        "script", "header", "footer", "section", "article", "caption", "colgroup", "noscript", "blockquote", "textarea",
    ].map { ($0, $0) })
}
