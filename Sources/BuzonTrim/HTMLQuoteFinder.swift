import BuzonMIME

/// Finds where the quoted history starts in an HTML reply, from the markup mail clients
/// wrap it in — more reliable than reading the rendered text, which has lost that structure.
///
/// Recognised (the first one in document order wins):
/// - Gmail `<div class="gmail_quote">` / `gmail_quote_container` (and `<blockquote class="gmail_quote">`);
/// - Apple Mail and Thunderbird `<blockquote type="cite">`, Thunderbird's `moz-cite-prefix` header div;
/// - Outlook `<div id="appendonsend">`, `<div id="divRplyFwdMsg">`, `OLK_SRC_BODY_SECTION`,
///   Hotmail's `<hr id="stopSpelling">`, and the desktop separator
///   `<div style="border:none;border-top:solid #E1E1E1 1.0pt">` (older versions: `#B5C4DF`);
/// - Yahoo `yahoo_quoted`.
///
/// When the quote starts with a forwarded message banner (Gmail nests its "Forwarded
/// message" inside `gmail_quote`, Apple Mail inside `blockquote type=cite`), nothing is cut:
/// the sender is sharing it. (Outlook forwards have no banner; see `ReplyTrimmer.trim(html:forwarded:)`.)
///
/// Attributes are compared as bytes in place: this runs over every tag of every HTML body.
enum HTMLQuoteFinder {
    /// How much HTML after a candidate is rendered to look for a forward banner (clients put
    /// it within the first few hundred bytes of the quote).
    static let forwardPeekBytes = 2_048

    /// The text (UTF-8) of the HTML before its quote, rendered in one pass with the search.
    /// `cut` is false when there is no quote, when it is a forward, or when the sender
    /// answered inline (text between the quoted blocks): then the text is the whole body,
    /// and the text rules keep the answers with their context.
    static func textBeforeQuote(in bytes: [UInt8]) -> (text: [UInt8], cut: Bool) {
        var decided = false
        let result = HTMLText.plainTextBytes(fromHTML: bytes) { tag, tokenizer in
            guard !decided, isQuoteStart(tag, bytes: bytes) else { return false }
            decided = true
            return !startsWithForward(bytes, at: tag.range.lowerBound) && !hasInlineAnswers(after: tag, continuing: tokenizer)
        }
        return (result.bytes, result.stopped)
    }

    /// True when visible text follows a closed `blockquote` outside any other one, i.e. the
    /// sender typed between quoted parts (Gmail and Apple Mail inline replies). Outlook
    /// does not quote with `blockquote`, so its separators never qualify.
    private static func hasInlineAnswers(after tag: HTMLTag, continuing tokenizer: HTMLTokenizer) -> Bool {
        var tokenizer = tokenizer
        let bytes = tokenizer.bytes
        var depth = tag.hasName("blockquote") ? 1 : 0
        var closedQuote = false
        while let token = tokenizer.next() {
            switch token {
            case .tag(let next) where next.hasName("blockquote"):
                depth = max(0, depth + (next.isEnd ? -1 : 1))
                if depth == 0, next.isEnd { closedQuote = true }
            case .text(let range) where depth == 0 && closedQuote:
                if hasVisibleText(bytes[range]) { return true }
            default:
                break
            }
        }
        return false
    }

    /// Anything but white space and `&nbsp;`.
    private static func hasVisibleText(_ text: ArraySlice<UInt8>) -> Bool {
        var index = text.startIndex
        while index < text.endIndex {
            if HTMLTokenizer.isSpace(text[index]) {
                index += 1
            } else if ByteMatch.hasPrefix(text[index...], nbsp, ignoringCase: true) {
                index += nbsp.count
            } else {
                return true
            }
        }
        return false
    }

    private static let nbsp = Array("&nbsp;".utf8)

    static func isQuoteStart(_ tag: HTMLTag, bytes: [UInt8]) -> Bool {
        guard tag.hasName("div") || tag.hasName("blockquote") || tag.hasName("span") || tag.hasName("hr") else {
            return false
        }
        var isQuote = false
        tag.forEachAttribute(in: bytes) { nameRange, value in
            let name = bytes[nameRange]
            if HTMLTag.equalsLowercased(name, idName) {
                isQuote = quoteIDs.contains { HTMLTag.equalsLowercased(bytes[value], $0) }
            } else if HTMLTag.equalsLowercased(name, className) {
                isQuote = hasQuoteClass(bytes[value])
            } else if HTMLTag.equalsLowercased(name, typeName) {
                isQuote = tag.hasName("blockquote") && HTMLTag.equalsLowercased(bytes[value], cite)
            } else if HTMLTag.equalsLowercased(name, styleName) {
                isQuote = tag.hasName("div") && hasOutlookSeparatorStyle(bytes[value])
            }
            return !isQuote
        }
        return isQuote
    }

    private static func hasQuoteClass(_ value: ArraySlice<UInt8>) -> Bool {
        value.split(whereSeparator: HTMLTokenizer.isSpace).contains { token in
            quoteClasses.contains { token.elementsEqual($0) }
        }
    }

    /// `border-top:solid #E1E1E1 1.0pt` with any spacing and case.
    private static func hasOutlookSeparatorStyle(_ value: ArraySlice<UInt8>) -> Bool {
        let compact = value.filter { !HTMLTokenizer.isSpace($0) }.map(HTMLTokenizer.lower)
        return separatorStyles.contains { style in
            compact.count >= style.count && compact.indices.dropLast(style.count - 1).contains {
                compact[$0...].starts(with: style)
            }
        }
    }

    /// How many non-blank lines at the start of a quote may hold the forward banner.
    static let forwardBannerLines = 4

    /// Renders only the quote's first `forwardBannerLines` lines: the rest of the peeked HTML
    /// would be converted only to be thrown away. Most quotes are not forwards, and their
    /// peeked bytes hold none of the banners' stems: those are not rendered at all.
    private static func startsWithForward(_ bytes: [UInt8], at offset: Int) -> Bool {
        guard mayHoldForwardBanner(bytes[offset..<min(bytes.count, offset + forwardPeekBytes)]) else { return false }
        let text = HTMLText.plainText(fromHTML: peek(bytes, at: offset), leadingLines: forwardBannerLines)
        let reply = ReplyText(text)
        var seen = 0
        for index in 0..<reply.count where !reply.isBlank(index) {
            if reply.isForwardMarker(index) { return true }
            seen += 1
            if seen >= forwardBannerLines { break }
        }
        return false
    }

    /// True when the text of `html` (outside its tags) holds one of `ReplyText.forwardStems`,
    /// ASCII case ignored. A banner is a whole rendered line, which only text nodes make.
    /// Markup (Outlook's long `style` attributes) is jumped over with `memchr` to the first
    /// `>`, starting where `HTMLTokenizer` starts markup: the tokenizer's markup never ends
    /// before that `>`, so no rendered text is skipped. Text bytes that cannot start a stem
    /// are passed over with one bit test each (their byte pair starts no stem).
    static func mayHoldForwardBanner(_ html: ArraySlice<UInt8>) -> Bool {
        let raw = html.span, pairs = stemPairs.span
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == UInt8(ascii: "<"), HTMLTokenizer.startsMarkup(raw, at: index) {
                guard let close = ByteScan.firstIndex(of: UInt8(ascii: ">"), in: raw, from: index, to: raw.count) else {
                    return false
                }
                index = close &+ 1
                continue
            }
            if index &+ 1 < raw.count {
                let pair = Int(ByteMatch.lower(byte)) << 8 | Int(ByteMatch.lower(raw[index &+ 1]))
                if pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 && startsStem(raw, at: index) { return true }
            }
            index &+= 1
        }
        return false
    }

    private static func startsStem(_ raw: Span<UInt8>, at index: Int) -> Bool {
        ReplyText.forwardStems.contains { stem in
            guard raw.count - index >= stem.count else { return false }
            for offset in 0..<stem.count where ByteMatch.lower(raw[index + offset]) != stem[offset] { return false }
            return true
        }
    }

    /// A bit for each pair of (ASCII-lower-cased) bytes that starts a stem: one load per
    /// byte rejects nearly every position (a table of first bytes let through every `e`).
    private static let stemPairs: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 65_536 / 64)
        for stem in ReplyText.forwardStems {
            precondition(stem.count >= 2, "a forward stem of one byte would need a table of single bytes")
            let pair = Int(stem[0]) << 8 | Int(stem[1])
            bits[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        return bits
    }()

    /// `forwardPeekBytes` of HTML from `offset` (a tag start). A cut through a multi-byte
    /// character ends in U+FFFD, as `String(decoding:as:)` would make it; `bytes` is valid
    /// UTF-8 (it comes from a `String`), so only the cut can break a sequence.
    private static func peek(_ bytes: [UInt8], at offset: Int) -> [UInt8] {
        let end = min(bytes.count, offset + forwardPeekBytes)
        var lead = end - 1
        while lead > offset, end - lead < 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        let byte = bytes[lead]
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard lead + length > end else { return Array(bytes[offset..<end]) }
        return Array(bytes[offset..<lead]) + [0xEF, 0xBF, 0xBD]
    }

    private static let idName = Array("id".utf8)
    private static let className = Array("class".utf8)
    private static let typeName = Array("type".utf8)
    private static let styleName = Array("style".utf8)
    private static let cite = Array("cite".utf8)
    private static let quoteIDs = ByteMatch.bytes(["appendonsend", "divrplyfwdmsg", "olk_src_body_section", "stopspelling"])
    private static let quoteClasses = ByteMatch.bytes(["gmail_quote", "gmail_quote_container", "yahoo_quoted",
                                                       "moz-cite-prefix"])
    private static let separatorStyles = ByteMatch.bytes(["border-top:solid#e1e1e1", "border-top:solid#b5c4df"])
}
