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
struct HTMLQuoteFinder {
    /// How much HTML after a candidate is rendered to look for a forward banner.
    static let forwardPeekBytes = 8_192

    /// The byte offset where the quote starts, nil when there is none or it is a forward.
    static func quoteStart(in bytes: [UInt8]) -> Int? {
        var tokenizer = HTMLTokenizer(bytes: bytes)
        while let token = tokenizer.next() {
            guard case .tag(let tag) = token, !tag.isEnd, isQuoteStart(tag, bytes: bytes) else { continue }
            return startsWithForward(bytes, at: tag.range.lowerBound) ? nil : tag.range.lowerBound
        }
        return nil
    }

    static func isQuoteStart(_ tag: HTMLTag, bytes: [UInt8]) -> Bool {
        switch tag.name {
        case "div", "blockquote", "span", "hr":
            break
        default:
            return false
        }
        if let id = tag.attribute("id", in: bytes)?.lowercased(), quoteIDs.contains(id) { return true }
        if tag.name == "blockquote", tag.attribute("type", in: bytes)?.lowercased() == "cite" { return true }
        if let classes = tag.attribute("class", in: bytes),
           classes.split(separator: " ").contains(where: { quoteClasses.contains(String($0)) }) {
            return true
        }
        if tag.name == "div", let style = tag.attribute("style", in: bytes) {
            let compact = style.lowercased().filter { $0 != " " && $0 != "\n" && $0 != "\t" && $0 != "\r" }
            return compact.contains("border-top:solid#e1e1e1") || compact.contains("border-top:solid#b5c4df")
        }
        return false
    }

    private static func startsWithForward(_ bytes: [UInt8], at offset: Int) -> Bool {
        let end = min(bytes.count, offset + forwardPeekBytes)
        let text = HTMLText.plainText(fromHTML: String(decoding: bytes[offset..<end], as: UTF8.self))
        var reply = ReplyText(text)
        var seen = 0
        for index in 0..<reply.count where !reply.isBlank(index) {
            if reply.isForwardMarker(index) { return true }
            seen += 1
            if seen >= 4 { break }
        }
        return false
    }

    private static let quoteIDs: Set<String> = ["appendonsend", "divrplyfwdmsg", "olk_src_body_section", "stopspelling"]
    private static let quoteClasses: Set<String> = ["gmail_quote", "gmail_quote_container", "yahoo_quoted",
                                                    "moz-cite-prefix"]
}
