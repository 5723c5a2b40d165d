/// The state machine behind `HTMLText.plainText(fromHTML:)`: tokens in, `HTMLTextWriter` calls out.
struct HTMLTextRenderer {
    private var tokenizer: HTMLTokenizer
    private var writer: HTMLTextWriter
    private var preDepth = 0
    private var inHead = false
    private var lastParagraphWasMso = false
    /// The open link: where its text starts in the writer and its target.
    private var link: (start: Int, href: String)?

    init(bytes: [UInt8]) {
        tokenizer = HTMLTokenizer(bytes: bytes)
        writer = HTMLTextWriter(capacity: bytes.count / 2)
    }

    /// Renders up to the end, or up to the first start tag `stop` accepts (it sees the tag
    /// and the tokenizer positioned after it, to look ahead on a copy).
    mutating func render(stoppingAt stop: (HTMLTag, HTMLTokenizer) -> Bool = { _, _ in false }) -> (text: String, stopped: Bool) {
        let (bytes, stopped) = renderBytes(stoppingAt: stop)
        return (String(decoding: bytes, as: UTF8.self), stopped)
    }

    /// `render`'s text as UTF-8 bytes.
    mutating func renderBytes(stoppingAt stop: (HTMLTag, HTMLTokenizer) -> Bool) -> (bytes: [UInt8], stopped: Bool) {
        var stopped = false
        while let token = tokenizer.next() {
            switch token {
            case .text(let range):
                if !inHead { text(range) }
            case .tag(let tag):
                if !tag.isEnd, stop(tag, tokenizer) {
                    stopped = true
                    break
                }
                handle(tag)
            case .rawText, .ignorable:
                break
            }
            if stopped { break }
        }
        closeLink()
        return (writer.finishedBytes(), stopped)
    }

    /// Renders only until the text holds more than `count` non-blank lines, then stops
    /// without closing an open link. The writer only ever appends, so the first `count`
    /// non-blank lines are then complete and exactly those `render()` writes; what follows
    /// may be cut anywhere. Lines split at LF or CR and blank means only spaces, tabs and
    /// U+00A0, as the reply trimmer reads them (in UTF-8, a line of bytes 20, 09, C2, A0 only).
    mutating func renderLeadingLines(_ count: Int) -> String {
        var scanned = 0
        var nonBlank = 0
        var lineHasText = false
        while let token = tokenizer.next() {
            switch token {
            case .text(let range):
                if !inHead { text(range) }
            case .tag(let tag):
                handle(tag)
            case .rawText, .ignorable:
                break
            }
            writer.bytes.withUnsafeBufferPointer { written in
                while scanned < written.count {
                    switch written[scanned] {
                    case 0x0A, 0x0D:
                        if lineHasText { nonBlank += 1 }
                        lineHasText = false
                    case 0x20, 0x09, 0xC2, 0xA0:
                        break
                    default:
                        lineHasText = true
                    }
                    scanned += 1
                }
            }
            if nonBlank + (lineHasText ? 1 : 0) > count { break }
        }
        return writer.finish()
    }

    // MARK: Text

    private mutating func text(_ range: Range<Int>) {
        let bytes = tokenizer.bytes
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"):
                if let (scalar, length) = HTMLEntities.decode(in: bytes, at: index, end: range.upperBound) {
                    appendDecoded(scalar)
                    index += length
                    continue
                }
                writer.append(byte)
            case 0x20, 0x09, 0x0C:
                if preDepth > 0 { writer.append(byte) } else { writer.space() }
            case 0x0A:
                if preDepth > 0 { writer.hardBreak() } else { writer.space() }
            case 0x0D:
                if preDepth == 0 { writer.space() }
            case 0xE2, 0xEF:
                let invisible = HTMLTextRenderer.invisibleLength(bytes, at: index, end: range.upperBound)
                if invisible > 0 {
                    index += invisible
                    continue
                }
                writer.append(byte)
            default:
                // Plain bytes go in runs: one flush and one copy per word, not per byte.
                let runEnd = HTMLTextRenderer.plainRunEnd(bytes, from: index + 1, to: range.upperBound)
                bytes.withUnsafeBufferPointer { writer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[index..<runEnd])) }
                index = runEnd
                continue
            }
            index += 1
        }
    }

    /// The end of the run of plain bytes from `start`: the first byte `text(_:)` handles one
    /// by one (entities, white space, and the lead bytes of the invisible characters it
    /// drops, U+200B… and U+FEFF), or `end`.
    private static func plainRunEnd(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        bytes.withUnsafeBufferPointer { raw in
            needsAttention.withUnsafeBufferPointer { attention in
                var index = start
                while index < end, !attention[Int(raw[index])] { index &+= 1 }
                return index
            }
        }
    }

    private static let needsAttention: [Bool] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "&"), 0x20, 0x09, 0x0C, 0x0A, 0x0D, 0xE2, 0xEF: true
        default: false
        }
    }

    private mutating func appendDecoded(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0xA0: writer.append(UInt8(0x20))
        case 0x200B...0x200F, 0xFEFF: break
        default: writer.append(scalar)
        }
    }

    /// Length of a zero-width or direction mark (U+200B–U+200F, U+FEFF) at `index`, else 0.
    /// Mail clients sprinkle them into quote headers, where they would defeat line matching.
    private static func invisibleLength(_ bytes: [UInt8], at index: Int, end: Int) -> Int {
        guard index + 2 < end else { return 0 }
        if bytes[index] == 0xE2, bytes[index + 1] == 0x80, (0x8B...0x8F).contains(bytes[index + 2]) { return 3 }
        if bytes[index] == 0xEF, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return 3 }
        return 0
    }

    // MARK: Tags

    private mutating func handle(_ tag: HTMLTag) {
        if inHead {
            if tag.isEnd && tag.hasName("head") { inHead = false }
            if tag.isEnd || HTMLTextRenderer.headElements.contains(tag.name) { return }
            inHead = false
        }
        guard let kind = HTMLTextRenderer.kinds.value(for: tag.name) else { return }
        switch kind {
        case .head: inHead = !tag.isEnd
        case .lineBreak: writer.hardBreak()
        case .paragraph: paragraph(tag)
        case .heading: writer.paragraphBreak()
        case .pre:
            writer.paragraphBreak()
            preDepth = max(0, preDepth + (tag.isEnd ? -1 : 1))
        case .blockquote:
            writer.paragraphBreak()
            writer.quoteDepth = max(0, writer.quoteDepth + (tag.isEnd ? -1 : 1))
        case .list: list(tag)
        case .listItem:
            writer.lineBreak()
            if !tag.isEnd {
                writer.append(String(repeating: "  ", count: max(0, writer.listDepth - 1)) + "- ")
            }
        case .cell: writer.space()
        case .anchor: anchor(tag)
        case .block: writer.lineBreak()
        }
    }

    private mutating func paragraph(_ tag: HTMLTag) {
        if !tag.isEnd {
            let bytes = tokenizer.bytes
            lastParagraphWasMso = tag.valueRange(of: HTMLTextRenderer.classAttribute, in: bytes).map { range in
                let value = bytes[range]
                return value.indices.contains { start in
                    value[start...].prefix(9).elementsEqual(HTMLTextRenderer.msoNormal) { HTMLTokenizer.lower($0) == $1 }
                }
            } ?? false
        }
        if lastParagraphWasMso { writer.lineBreak() } else { writer.paragraphBreak() }
    }

    private mutating func list(_ tag: HTMLTag) {
        if tag.isEnd { writer.listDepth = max(0, writer.listDepth - 1) }
        if writer.listDepth == 0 { writer.paragraphBreak() } else { writer.lineBreak() }
        if !tag.isEnd { writer.listDepth += 1 }
    }

    private mutating func anchor(_ tag: HTMLTag) {
        closeLink()
        guard !tag.isEnd, let href = tag.attribute("href", in: tokenizer.bytes) else { return }
        link = (writer.bytes.count, href)
    }

    private mutating func closeLink() {
        guard let open = link else { return }
        link = nil
        // The slice must be gone before appending: holding it would make the append copy
        // the whole output (copy-on-write), once per link.
        let target: String? = {
            var text = writer.bytes[min(open.start, writer.bytes.count)...]
            let isTrimmed = { (byte: UInt8) in byte == 0x20 || byte == 0x0A || byte == UInt8(ascii: ">") }
            while let first = text.first, isTrimmed(first) { text = text.dropFirst() }
            while let last = text.last, isTrimmed(last) { text = text.dropLast() }
            return HTMLTextRenderer.linkTarget(text: text, href: Array(open.href.utf8))
        }()
        if let target { writer.appendInline(" <\(target)>") }
    }

    /// What to write after a link's text, nil when the text already says it.
    static func linkTarget(text: ArraySlice<UInt8>, href: [UInt8]) -> String? {
        var href = href[...]
        while let first = href.first, HTMLTokenizer.isSpace(first) { href = href.dropFirst() }
        while let last = href.last, HTMLTokenizer.isSpace(last) { href = href.dropLast() }
        guard !text.isEmpty, !href.isEmpty, href.count <= 2048 else { return nil }
        let lowered = href.map(HTMLTokenizer.lower)
        if lowered.first == UInt8(ascii: "#") || lowered.starts(with: javascriptScheme) || lowered.starts(with: cidScheme) {
            return nil
        }
        if lowered.starts(with: mailtoScheme) {
            let address = href.dropFirst(mailtoScheme.count).prefix { $0 != UInt8(ascii: "?") }
            let same = address.count == text.count && zip(address, text).allSatisfy { HTMLTokenizer.lower($0) == HTMLTokenizer.lower($1) }
            return address.isEmpty || same ? nil : String(decoding: address, as: UTF8.self)
        }
        return comparable(text.map(HTMLTokenizer.lower)[...]).elementsEqual(comparable(lowered[...]))
            ? nil : String(decoding: href, as: UTF8.self)
    }

    /// A lower-cased URL without `http(s)://` and trailing slashes.
    private static func comparable(_ url: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var value = url
        for scheme in [httpsScheme, httpScheme] where value.starts(with: scheme) { value = value.dropFirst(scheme.count) }
        while value.last == UInt8(ascii: "/") { value = value.dropLast() }
        return value
    }

    private static let classAttribute = Array("class".utf8)
    private static let msoNormal = Array("msonormal".utf8)
    private static let javascriptScheme = Array("javascript:".utf8)
    private static let cidScheme = Array("cid:".utf8)
    private static let mailtoScheme = Array("mailto:".utf8)
    private static let httpsScheme = Array("https://".utf8)
    private static let httpScheme = Array("http://".utf8)

    private static let headElements: Set<String> = ["meta", "link", "title", "style", "script", "base", "noscript"]

    private enum Kind: Sendable {
        case head, lineBreak, paragraph, heading, pre, blockquote, list, listItem, cell, anchor, block
    }

    /// How each rendered element is laid out; one table lookup per tag, unknown tags (`span`,
    /// `b`, `font`, `o:p`) are inline and ignored.
    private static let kinds: ShortNameTable<Kind> = {
        var kinds: [(String, Kind)] = [
            ("head", .head), ("br", .lineBreak), ("p", .paragraph), ("pre", .pre), ("blockquote", .blockquote),
            ("ul", .list), ("ol", .list), ("li", .listItem), ("td", .cell), ("th", .cell), ("a", .anchor),
        ]
        kinds += ["h1", "h2", "h3", "h4", "h5", "h6"].map { ($0, Kind.heading) }
        kinds += ["div", "tr", "table", "dd", "dt", "dl", "section", "article", "header", "footer", "nav", "aside",
                  "main", "form", "fieldset", "address", "figure", "figcaption", "center", "hr", "caption", "details",
                  "summary", "body", "html", "tbody", "thead", "tfoot"].map { ($0, Kind.block) }
        return ShortNameTable(kinds)
    }()
}
