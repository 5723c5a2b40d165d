/// The plain-text trimming algorithm behind `ReplyTrimmer.trim(text:)`.
///
/// Three passes over the lines, each at most once over the body:
/// 1. the gateway's marker: everything from it down goes, and the quote header just above it;
/// 2. the first quote header, `-- ` signature or mobile footer above that point ends the reply;
/// 3. `>` quotes: if new text follows a quote (inline answers, bottom posting), everything
///    down to the last new line is kept, quotes included as the answers' context; only the
///    quote after the last new line goes. If no new text follows, the quote goes.
///
/// Forwards: an unquoted forward banner (`---------- Mensaje reenviado ---------`) stops
/// pass 2: the sender is sharing what follows, so nothing below it is cut, and a signature
/// or footer above it is kept too (Gmail puts the signature between the note and the
/// forwarded message). Outlook forwards carry no banner, only the same `De:`/`Enviado:`
/// block a reply has; the body cannot tell them apart, so the caller says so through
/// `forwarded` (from an `RV:`/`FW:`/`ENC:` subject) and then such a block counts as a banner.
struct TextReplyCutter {
    private let reply: ReplyText
    private let markerKeys: [[UInt8]]
    private let forwarded: Bool
    /// Cache for `forwardFollows`: the last forward banner's line, -1 for none.
    private var lastForward: Int?

    /// `markerKeys`: the `LetterKey`s of the reply markers, none empty.
    init(text: String, markerKeys: [[UInt8]], forwarded: Bool) {
        self.init(reply: ReplyText(text), markerKeys: markerKeys, forwarded: forwarded)
    }

    init(reply: ReplyText, markerKeys: [[UInt8]], forwarded: Bool) {
        self.reply = reply
        self.forwarded = forwarded
        self.markerKeys = markerKeys
    }

    mutating func trim() -> TrimmedReply {
        var end = reply.count
        var cut: TrimmedReply.Cut?
        if let marker = firstMarker() {
            end = headerStart(above: marker)
            cut = .replyMarker
        }
        switch firstRuleCut(before: end) {
        case .cut(let ruleEnd, let ruleCut):
            end = ruleEnd
            cut = ruleCut
        case .forward:
            return TrimmedReply(text: reply.joined(0..<end), cut: cut)
        case .none:
            break
        }
        let quoteEnd = quotedEnd(before: end)
        if (quoteEnd..<end).contains(where: { !reply.isBlank($0) }) {
            cut = .quotedBlock
        }
        end = quoteEnd
        return TrimmedReply(text: reply.joined(0..<end), cut: cut)
    }

    // MARK: Pass 1: the marker

    private mutating func firstMarker() -> Int? {
        guard !markerKeys.isEmpty else { return nil }
        for index in 0..<reply.count where reply.isMarker(index, markerKeys: markerKeys) {
            return index
        }
        return nil
    }

    /// Walks up from the marker over blank and quoted lines and a header block (at most 8
    /// lines) and returns where that header starts, or the marker itself.
    private mutating func headerStart(above marker: Int) -> Int {
        var index = marker - 1
        while index >= 0, index >= marker - 8 {
            if !reply.isBlank(index), !reply.isQuoted(index) {
                if let start = reply.wroteHeaderStart(endingAt: index) { return reply.includingRuleAbove(start) }
                if reply.isOutlookBlock(index) || reply.isOriginalMessageSeparator(index) {
                    return reply.includingRuleAbove(index)
                }
            }
            index -= 1
        }
        return marker
    }

    // MARK: Pass 2: headers, signatures, footers

    private enum RuleOutcome {
        case cut(Int, TrimmedReply.Cut)
        /// A forward the sender shares starts here: nothing below is cut, quotes included.
        case forward
        case none
    }

    private mutating func firstRuleCut(before end: Int) -> RuleOutcome {
        var index = 0
        while index < end {
            defer { index += 1 }
            if reply.isBlank(index) || reply.isQuoted(index) { continue }
            if reply.isForwardMarker(index) { return .forward }
            if reply.isOriginalMessageSeparator(index) || reply.isOutlookBlock(index) {
                if forwarded { return .forward }
                return .cut(reply.includingRuleAbove(index), .quoteHeader)
            }
            if let start = reply.wroteHeaderStart(endingAt: index), !hasInlineAnswers(after: index, before: end) {
                return .cut(reply.includingRuleAbove(start), .quoteHeader)
            }
            if reply.isSignatureSeparator(index), !forwardFollows(index, before: end) {
                return .cut(index, .signature)
            }
            if reply.isMobileFooter(index), !forwardFollows(index, before: end) {
                return .cut(index, .mobileFooter)
            }
        }
        return .none
    }

    /// True when the quote under the header at `index` has new text written between its lines.
    private mutating func hasInlineAnswers(after index: Int, before end: Int) -> Bool {
        var sawQuote = false
        for next in (index + 1)..<max(index + 1, end) {
            if reply.isBlank(next) { continue }
            if reply.isQuoted(next) {
                sawQuote = true
                continue
            }
            guard sawQuote else { return false }
            return !(reply.isSignatureSeparator(next) || reply.isMobileFooter(next)
                || reply.wroteHeaderStart(endingAt: next) != nil || reply.isOutlookBlock(next))
        }
        return false
    }

    /// True when a forward banner comes after `index`. The last banner is found once, from
    /// the bottom, so a body full of `--` lines cannot make this quadratic.
    private mutating func forwardFollows(_ index: Int, before end: Int) -> Bool {
        if lastForward == nil {
            var found = -1
            var line = end - 1
            while line > index, found < 0 {
                if !reply.isBlank(line), reply.isForwardMarker(line)
                    || (forwarded && (reply.isOutlookBlock(line) || reply.isOriginalMessageSeparator(line))) {
                    found = line
                }
                line -= 1
            }
            lastForward = found
        }
        return (lastForward ?? -1) > index
    }

    // MARK: Pass 3: quotes

    private func quotedEnd(before end: Int) -> Int {
        guard let firstQuoted = (0..<end).first(where: { reply.isQuoted($0) }) else { return end }
        if let lastNew = (firstQuoted..<end).last(where: { !reply.isBlank($0) && !reply.isQuoted($0) }) {
            return lastNew + 1
        }
        // A header too bare for pass 2 ("Soporte escribió:") still introduces this quote.
        var above = firstQuoted - 1
        while above >= 0, reply.isBlank(above) { above -= 1 }
        return above >= 0 && reply.endsWithWroteVerb(above) ? above : firstQuoted
    }
}
