/// Line rules: each answers "does a quote, signature or footer start here?" for one line,
/// looking at most a few lines around it. Byte comparisons only, no regular expressions.
extension ReplyText {
    // MARK: Gateway marker

    /// True when line `index` (alone, or joined with up to two following lines when the desk
    /// rewrapped it) carries one of the marker keys.
    ///
    /// Runs on every line: the common answers (no marker, not the start of one) are found
    /// on the key buffer's memory, without slicing it.
    func isMarker(_ index: Int, markerKeys: [[UInt8]]) -> Bool {
        guard keyCount(index) >= 4 else { return false }
        let (contains, mayStartOne) = keyBuffer(index) { key -> (Bool, Bool) in
            var mayStartOne = false
            for marker in markerKeys where !marker.isEmpty {
                if ByteMatch.contains(key, marker) { return (true, false) }
                if marker.count > key.count, ByteMatch.equal(marker.span.extracting(0..<key.count), key) {
                    mayStartOne = true
                }
            }
            return (false, mayStartOne)
        }
        if contains { return true }
        guard mayStartOne else { return false }
        let key = key(index)
        for marker in markerKeys where !marker.isEmpty {
            guard ByteMatch.hasPrefix(marker[...], key) else { continue }
            var joined = Array(key)
            var next = index + 1
            while next < count, next <= index + 2, !isBlank(next) {
                joined += self.key(next)
                if joined == marker { return true }
                if !ByteMatch.hasPrefix(marker[...], joined) { break }
                next += 1
            }
        }
        return false
    }

    // MARK: "On … wrote:" headers (Gmail, Apple Mail, Thunderbird, Outlook.com)

    /// True when line `index` ends with "escribió:", "wrote:", "escreveu:" and the like.
    func endsWithWroteVerb(_ index: Int) -> Bool {
        guard lastVisibleByte(index) == UInt8(ascii: ":") else { return false }
        let line = ByteMatch.trimmingTrailingSpaces(line(index))
        return line.last == UInt8(ascii: ":")
            && ReplyText.wroteVerbs.contains { ByteMatch.hasSuffix(line, $0, ignoringCase: true) }
    }

    /// When line `index` ends a "… wrote:" header, the index of the header's first line
    /// (Gmail wraps long headers over two or three lines).
    func wroteHeaderStart(endingAt index: Int) -> Int? {
        guard !isQuoted(index), endsWithWroteVerb(index) else { return nil }
        let line = line(index)
        var start = index
        while start >= 0, start > index - 3 {
            if startsWithOpener(start) {
                return headerHasDetail(start...index) ? start : nil
            }
            guard start > 0, !isBlank(start - 1), !isQuoted(start - 1) else { break }
            start -= 1
        }
        // "ana@x.com wrote:" with no date: only when a quote follows, to spare prose like "ella escribió:".
        guard line.contains(UInt8(ascii: "@")), let next = nextNonBlank(after: index), isQuoted(next) else { return nil }
        return index
    }

    private func startsWithOpener(_ index: Int) -> Bool {
        let content = content(index)
        return ReplyText.openers.contains { ByteMatch.hasPrefix(content, $0) }
    }

    private func headerHasDetail(_ range: ClosedRange<Int>) -> Bool {
        range.contains { line($0).contains { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "@") } }
    }

    static let wroteVerbs = ByteMatch.bytes(["escribió:", "escribio:", "wrote:", "escreveu:", "a écrit :", "a écrit:",
                                             "schrieb:", "ha scritto:"])
    static let openers = ByteMatch.bytes(["El ", "On ", "Em ", "Le ", "Am ", "Il "])

    // MARK: Outlook header blocks

    /// True when line `index` starts an Outlook `De:` / `Enviado:` / `Para:` / `Asunto:` block.
    func isOutlookBlock(_ index: Int) -> Bool {
        guard hasEarlyColon(index), !isQuoted(index), let name = ReplyText.fieldName(content(index)),
              ReplyText.isField(name, in: ReplyText.fromFields) else {
            return false
        }
        var fields = 0
        var next = index + 1
        while next < count, next <= index + 8 {
            if let name = ReplyText.fieldName(content(next)), ReplyText.isField(name, in: ReplyText.blockFields) { fields += 1 }
            next += 1
        }
        return fields >= 2
    }

    /// The start of the block at `index`, moved up over a `______` or `-----` rule line above it.
    func includingRuleAbove(_ index: Int) -> Int {
        var above = index - 1
        if above >= 0, isBlank(above) { above -= 1 }
        guard above >= 0 else { return index }
        return ReplyText.isRule(ByteMatch.trimmingTrailingSpaces(content(above))) ? above : index
    }

    /// Five or more of `_ - =` and the en/em dashes, nothing else.
    private static func isRule(_ text: ArraySlice<UInt8>) -> Bool {
        var index = text.startIndex
        var marks = 0
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "=") {
                index += 1
            } else if byte == 0xE2, index + 2 < text.endIndex, text[index + 1] == 0x80,
                      text[index + 2] == 0x93 || text[index + 2] == 0x94 {
                index += 3
            } else {
                return false
            }
            marks += 1
        }
        return marks >= 5
    }

    /// The name of a `Name: value` line as written (`*From:*` as Gmail renders Outlook's
    /// bold labels included; compare it with `isField`), nil when the line has no colon in
    /// its first 20 bytes.
    static func fieldName(_ content: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let stripped = content.drop { $0 == UInt8(ascii: "*") }
        guard let colon = stripped.prefix(20).firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var name = ByteMatch.trimmingTrailingSpaces(stripped[..<colon])
        while name.last == UInt8(ascii: "*") { name = name.dropLast() }
        return name
    }

    /// Whether `name` (as written) is one of `names` (lower-case) ignoring ASCII case.
    static func isField(_ name: ArraySlice<UInt8>, in names: [[UInt8]]) -> Bool {
        names.contains { $0.count == name.count && ByteMatch.hasPrefix(name, $0, ignoringCase: true) }
    }

    static let fromFields = ByteMatch.bytes(["de", "from", "von", "da"])
    static let blockFields = ByteMatch.bytes([
        "enviado el", "enviado", "enviada em", "enviada", "sent", "date", "fecha", "data", "para", "to", "cc", "cco",
        "asunto", "subject", "assunto", "objet", "envoyé", "betreff", "gesendet", "an", "a",
    ])

    // MARK: Separators, forwards, footers, signatures

    /// `-----Mensaje original-----`, `-----Original Message-----`, `-----Mensagem original-----`.
    /// The key is compared first: it almost always differs in length, while looking for the
    /// dashes scans the whole line (this runs on every line above the cut).
    func isOriginalMessageSeparator(_ index: Int) -> Bool {
        guard keyEquals(index, anyOf: ReplyText.originalMessageKeys) else { return false }
        let line = line(index)
        return ByteMatch.contains(line, ReplyText.doubleDash) || ByteMatch.contains(line, ReplyText.doubleUnderscore)
    }

    /// A forwarded-message banner the sender means to share; never quoted (`>`).
    func isForwardMarker(_ index: Int) -> Bool {
        guard lines[index].count < 120, keyCount(index) >= ReplyText.shortestForwardKey, !isQuoted(index) else { return false }
        return keyEquals(index, anyOf: ReplyText.forwardKeys)
    }

    /// `Enviado desde mi iPhone` and friends.
    func isMobileFooter(_ index: Int) -> Bool {
        guard lines[index].count <= 80, keyCount(index) >= ReplyText.shortestFooterPrefix, !isQuoted(index) else {
            return false
        }
        return keyHasPrefix(index, anyOf: ReplyText.footerKeyPrefixes)
    }

    /// RFC 3676 §4.3: the signature separator is "-- " alone on a line; clients that strip
    /// trailing spaces leave "--", accepted too.
    func isSignatureSeparator(_ index: Int) -> Bool {
        guard lines[index].count == 2 || lines[index].count == 3 else { return false }
        let line = line(index)
        return line.elementsEqual(ReplyText.doubleDash) || line.elementsEqual(ReplyText.signatureDashes)
    }

    func nextNonBlank(after index: Int) -> Int? {
        var next = index + 1
        while next < count {
            if !isBlank(next) { return next }
            next += 1
        }
        return nil
    }

    private static let doubleDash = Array("--".utf8)
    private static let doubleUnderscore = Array("__".utf8)
    private static let signatureDashes = Array("-- ".utf8)

    // Arrays, not sets: comparing a few arrays (length first) beats hashing every line's key.
    static let originalMessageKeys = ByteMatch.bytes([
        "mensajeoriginal", "originalmessage", "mensagemoriginal", "messagedorigine", "ursprunglichenachricht",
    ])
    static let forwardKeys = ByteMatch.bytes([
        "mensajereenviado", "forwardedmessage", "mensagemencaminhada", "mensagemreencaminhada",
        "beginforwardedmessage", "iniciodelmensajereenviado", "iniciodamensagemreencaminhada",
        "iniciodamensagemencaminhada", "messagetransfere", "debutdumessagereexpedie", "mensajereenviadooriginal",
    ])
    /// Length floors for the per-line tests: a line whose key is shorter cannot be a banner
    /// or a footer, which is decided without comparing any bytes.
    static let shortestForwardKey = forwardKeys.map(\.count).min() ?? 0
    static let shortestFooterPrefix = footerKeyPrefixes.map(\.count).min() ?? 0
    /// Lower-case ASCII stems of which every forward banner holds at least one as written
    /// (accented letters aside: `réexpédié` still has `exp`, `transféré` has `transf`), so
    /// HTML that has none of them cannot render to a forward banner (a test keeps this in
    /// step with `forwardKeys`). `HTMLQuoteFinder` checks them on the raw bytes before
    /// rendering a quote's first lines.
    static let forwardStems = ByteMatch.bytes(["reenviado", "forwarded", "encaminhada", "transf", "exp"])
    static let footerKeyPrefixes = ByteMatch.bytes([
        "enviadodesdemi", "sentfrommy", "enviadodesdeoutlook", "obteneroutlookpara", "getoutlookfor",
        "enviadodomeu", "enviadodooutlook", "sentfromoutlook", "enviadodesdeyahoo", "sentfromyahoo",
        "sentfrommailforwindows", "enviadodesdecorreoparawindows", "obtenhaooutlookpara", "enviadodesdeelcorreo",
        "obterooutlookpara", "enviadodemeu", "sentviathesamsung",
    ])
}
