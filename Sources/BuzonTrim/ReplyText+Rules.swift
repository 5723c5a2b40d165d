/// Line rules: each answers "does a quote, signature or footer start here?" for one line,
/// looking at most a few lines around it. None of them uses regular expressions.
extension ReplyText {
    // MARK: Gateway marker

    /// True when line `index` (alone, or joined with up to two following lines when the desk
    /// rewrapped it) carries one of the marker keys.
    mutating func isMarker(_ index: Int, markerKeys: [String]) -> Bool {
        let key = key(index)
        guard key.count >= 4 else { return false }
        for marker in markerKeys where !marker.isEmpty {
            if key.contains(marker) { return true }
            guard marker.hasPrefix(key) else { continue }
            var joined = key
            var next = index + 1
            while next < count, next <= index + 2, !isBlank(next) {
                joined += self.key(next)
                if joined == marker { return true }
                if !marker.hasPrefix(joined) { break }
                next += 1
            }
        }
        return false
    }

    // MARK: "On … wrote:" headers (Gmail, Apple Mail, Thunderbird, Outlook.com)

    /// When line `index` ends a "… wrote:" header, the index of the header's first line
    /// (Gmail wraps long headers over two or three lines).
    func wroteHeaderStart(endingAt index: Int) -> Int? {
        guard !isQuoted(index) else { return nil }
        let line = lines[index].trimmingTrailingSpaces().lowercased()
        guard ReplyText.wroteVerbs.contains(where: { line.hasSuffix($0) }) else { return nil }
        var start = index
        while start >= 0, start > index - 3 {
            if startsWithOpener(start) {
                return headerHasDetail(start...index) ? start : nil
            }
            guard start > 0, !isBlank(start - 1), !isQuoted(start - 1) else { break }
            start -= 1
        }
        // "ana@x.com wrote:" with no date: only when a quote follows, to spare prose like "ella escribió:".
        guard line.contains("@"), let next = nextNonBlank(after: index), isQuoted(next) else { return nil }
        return index
    }

    private func startsWithOpener(_ index: Int) -> Bool {
        let content = content(index)
        return ReplyText.openers.contains { content.hasPrefix($0) }
    }

    private func headerHasDetail(_ range: ClosedRange<Int>) -> Bool {
        range.contains { lines[$0].contains { $0.isNumber || $0 == "@" } }
    }

    static let wroteVerbs = ["escribió:", "escribio:", "wrote:", "escreveu:", "a écrit :", "a écrit:", "schrieb:",
                             "ha scritto:"]
    static let openers = ["El ", "On ", "Em ", "Le ", "Am ", "Il "]

    // MARK: Outlook header blocks

    /// True when line `index` starts an Outlook `De:` / `Enviado:` / `Para:` / `Asunto:` block.
    func isOutlookBlock(_ index: Int) -> Bool {
        guard !isQuoted(index), ReplyText.hasFieldPrefix(content(index), ReplyText.fromFields) else { return false }
        var fields = 0
        var next = index + 1
        while next < count, next <= index + 8 {
            if ReplyText.hasFieldPrefix(content(next), ReplyText.blockFields) { fields += 1 }
            next += 1
        }
        return fields >= 2
    }

    /// The start of the block at `index`, moved up over a `______` or `-----` rule line above it.
    func includingRuleAbove(_ index: Int) -> Int {
        var above = index - 1
        if above >= 0, isBlank(above) { above -= 1 }
        guard above >= 0 else { return index }
        let content = content(above).trimmingTrailingSpaces()
        let isRule = content.count >= 5 && content.allSatisfy { "_-—–=".contains($0) }
        return isRule ? above : index
    }

    static func hasFieldPrefix<S: StringProtocol>(_ content: S, _ fields: [String]) -> Bool {
        let stripped = content.drop { $0 == "*" }
        guard let colon = stripped.prefix(20).firstIndex(of: ":") else { return false }
        let name = stripped[..<colon].lowercased().trimmingTrailingSpaces().drop { $0 == "*" }
        return fields.contains { $0.dropLast() == name }
    }

    static let fromFields = ["de:", "from:", "von:", "da:"]
    static let blockFields = ["enviado el:", "enviado:", "enviada em:", "enviada:", "sent:", "date:", "fecha:",
                              "data:", "para:", "to:", "cc:", "cco:", "asunto:", "subject:", "assunto:", "objet:",
                              "envoyé:", "betreff:", "gesendet:", "an:"]

    // MARK: Separators, forwards, footers, signatures

    /// `-----Mensaje original-----`, `-----Original Message-----`, `-----Mensagem original-----`.
    mutating func isOriginalMessageSeparator(_ index: Int) -> Bool {
        guard lines[index].contains("--") || lines[index].contains("__") else { return false }
        return ReplyText.originalMessageKeys.contains(key(index))
    }

    /// A forwarded-message banner the sender means to share; never quoted (`>`).
    mutating func isForwardMarker(_ index: Int) -> Bool {
        guard !isQuoted(index), lines[index].utf8.count < 120 else { return false }
        return ReplyText.forwardKeys.contains(key(index))
    }

    /// `Enviado desde mi iPhone` and friends.
    mutating func isMobileFooter(_ index: Int) -> Bool {
        guard !isQuoted(index), lines[index].utf8.count <= 80 else { return false }
        let key = key(index)
        return ReplyText.footerKeyPrefixes.contains { key.hasPrefix($0) }
    }

    /// RFC 3676 §4.3: the signature separator is "-- " alone on a line; clients that strip
    /// trailing spaces leave "--", accepted too.
    func isSignatureSeparator(_ index: Int) -> Bool {
        lines[index] == "-- " || lines[index] == "--"
    }

    func nextNonBlank(after index: Int) -> Int? {
        var next = index + 1
        while next < count {
            if !isBlank(next) { return next }
            next += 1
        }
        return nil
    }

    static let originalMessageKeys: Set<String> = ["mensajeoriginal", "originalmessage", "mensagemoriginal",
                                                   "messagedorigine", "ursprunglichenachricht"]
    static let forwardKeys: Set<String> = [
        "mensajereenviado", "forwardedmessage", "mensagemencaminhada", "mensagemreencaminhada",
        "beginforwardedmessage", "iniciodelmensajereenviado", "iniciodamensagemreencaminhada",
        "iniciodamensagemencaminhada", "messagetransfere", "debutdumessagereexpedie", "mensajereenviadooriginal",
    ]
    static let footerKeyPrefixes = [
        "enviadodesdemi", "sentfrommy", "enviadodesdeoutlook", "obteneroutlookpara", "getoutlookfor",
        "enviadodomeu", "enviadodooutlook", "sentfromoutlook", "enviadodesdeyahoo", "sentfromyahoo",
        "sentfrommailforwindows", "enviadodesdecorreoparawindows", "obtenhaooutlookpara", "enviadodesdeelcorreo",
    ]
}

extension StringProtocol {
    func trimmingTrailingSpaces() -> SubSequence {
        var end = endIndex
        while end > startIndex {
            let before = index(before: end)
            guard self[before] == " " || self[before] == "\t" || self[before] == "\u{A0}" else { break }
            end = before
        }
        return self[startIndex..<end]
    }
}
