import BuzonMIME

/// Finds what the sender newly wrote in a reply: the gateway's marker, quote headers of
/// Gmail, Outlook, Apple Mail, Thunderbird and mobile clients (Spanish, English, Portuguese),
/// `>` quotes, `-- ` signatures and mobile footers end it; forwards the sender shares and
/// answers written between quoted lines are kept. See `TextReplyCutter` for the rules.
///
/// Cost: one pass over the lines (for HTML, the quote search runs inside the single
/// HTML-to-text pass), no regular expressions; it runs inside the parse benchmark.
public struct ReplyTrimmer: Sendable {
    /// "Reply above this line" markers, matched tolerantly (dashes, hashes, spacing vary).
    public var markers: [String] {
        didSet { markerKeys = ReplyTrimmer.keys(of: markers) }
    }
    /// The markers' letter keys, computed when the markers are set rather than on every
    /// trim (that cost ~0.5% of the parse benchmark).
    private var markerKeys: [[UInt8]]

    public static let defaultMarkers: [String] = [
        "##- Por favor, escriba su respuesta por encima de esta línea -##",
        "##- Please type your reply above this line -##",
        "—–#### Por favor, no responda bajo este aviso ####—–",
    ]

    public init(markers: [String] = ReplyTrimmer.defaultMarkers) {
        self.markers = markers
        markerKeys = ReplyTrimmer.keys(of: markers)
    }

    /// Markers without letters cannot be matched and are dropped.
    private static func keys(of markers: [String]) -> [[UInt8]] {
        markers.map { LetterKey.of($0) }.filter { !$0.isEmpty }
    }

    /// Trims the message's best body: its HTML when it has one (quotes are cut before the
    /// conversion to text), otherwise its plain text.
    ///
    /// Why HTML first: the `text/plain` alternative is usually derived from the HTML by the
    /// sender's client and has lost the quote structure (`gmail_quote`, `divRplyFwdMsg`,
    /// `blockquote type=cite`), while the HTML still says exactly where the quote begins.
    /// An HTML part with no visible text falls back to the plain text. A subject starting
    /// `RV:`/`FW:`/`Fwd:`/`ENC:` marks a forward (see `trim(text:forwarded:)`).
    public func trim(_ message: Message) -> TrimmedReply {
        let forwarded = ReplyTrimmer.isForwardSubject(message.subject)
        if let html = message.html {
            let fromHTML = trim(html: html, forwarded: forwarded)
            if !fromHTML.text.isEmpty || fromHTML.cut != nil || message.text.allSatisfy(\.isWhitespace) {
                return fromHTML
            }
        }
        return trim(text: message.text, forwarded: forwarded)
    }

    /// Trims a plain-text body. The result uses LF line ends whatever the input used; the
    /// kept lines are otherwise verbatim.
    public func trim(text: String) -> TrimmedReply {
        trim(text: text, forwarded: false)
    }

    /// `forwarded`: the message's subject says it is a forward (`isForwardSubject`), so an
    /// Outlook `De:`/`Enviado:` block or `-----Mensaje original-----` starts the shared
    /// message instead of a quote, and no HTML quote container is cut.
    public func trim(text: String, forwarded: Bool) -> TrimmedReply {
        var cutter = TextReplyCutter(text: text, markerKeys: markerKeys, forwarded: forwarded)
        return cutter.trim()
    }

    /// Cuts the HTML at the first quote container (see `HTMLQuoteFinder`), converts what is
    /// left to text, then applies the text rules (the marker or a quote header may still be
    /// there). The cut reported is the text rule's when one cut, else `.htmlQuote`.
    public func trim(html: String) -> TrimmedReply {
        trim(html: html, forwarded: false)
    }

    public func trim(html: String, forwarded: Bool) -> TrimmedReply {
        guard !forwarded else { return trim(text: HTMLText.plainText(fromHTML: html), forwarded: true) }
        let (text, cut) = HTMLQuoteFinder.textBeforeQuote(in: Array(html.utf8))
        var cutter = TextReplyCutter(reply: ReplyText(utf8: text), markerKeys: markerKeys, forwarded: false)
        let trimmed = cutter.trim()
        return TrimmedReply(text: trimmed.text, cut: trimmed.cut ?? (cut ? .htmlQuote : nil))
    }

    /// True for subjects that mark a forward (`RV:`, `FW:`, `Fwd:`, `ENC:`, `TR:`), checked
    /// before any `RE:`: a reply to a forward (`RE: RV: …`) is a reply.
    public static func isForwardSubject(_ subject: String) -> Bool {
        if let fast = forwardPrefixMatch(subject.utf8.span) { return fast }
        let lowered = subject.drop { $0 == " " || $0 == "\t" }.lowercased()
        return forwardPrefixes.contains { lowered.hasPrefix($0) }
    }

    private static let forwardPrefixes = ["rv:", "fw:", "fwd:", "enc:", "tr:", "rv :", "fw :", "fwd :"]
    private static let forwardPrefixBytes = forwardPrefixes.map { Array($0.utf8) }

    /// `isForwardSubject` on the subject's bytes, without lower-casing the whole subject;
    /// nil when only the `Character` comparison can tell. The prefixes are ASCII and no
    /// other character lower-cases to their letters, so a byte match is a match unless the
    /// byte after it is non-ASCII (a combining mark there would extend the last character).
    private static func forwardPrefixMatch(_ bytes: Span<UInt8>) -> Bool? {
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        for prefix in forwardPrefixBytes where bytes.count - start >= prefix.count {
            var matches = true
            for (offset, byte) in prefix.enumerated() where ByteMatch.lower(bytes[start + offset]) != byte {
                matches = false
                break
            }
            guard matches else { continue }
            let next = start + prefix.count
            return next < bytes.count && bytes[next] >= 0x80 ? nil : true
        }
        return false
    }
}

/// The new content of a reply and where the rest was cut.
public struct TrimmedReply: Sendable, Hashable {
    public enum Cut: String, Sendable, Hashable {
        case replyMarker, quoteHeader, quotedBlock, signature, mobileFooter, htmlQuote
    }
    /// What the sender newly wrote, trailing blank lines removed; empty for a message that is only quote.
    public var text: String
    /// The rule that decided where the text ends, nil when nothing was cut. When several
    /// apply, the later pass wins: marker, then header/signature/footer above it, then a
    /// `>` quote (`.htmlQuote` only when the text rules found nothing more to cut).
    public var cut: Cut?

    public init(text: String, cut: Cut?) {
        self.text = text
        self.cut = cut
    }
}
