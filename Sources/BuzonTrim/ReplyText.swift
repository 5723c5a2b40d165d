import BuzonMIME

/// The lines of a reply body as UTF-8 byte ranges, for the line rules of `ReplyTrimmer`.
///
/// Bytes rather than `Character`s because the rules only compare ASCII punctuation and
/// short words, and grapheme-aware `String` operations (or Foundation's `contains`) cost
/// ten times more on the long quoted threads the benchmark feeds through here.
/// Lines end at CRLF, LF or a lone CR, so every convention trims identically.
/// Every line's letter key (`LetterKey`) is computed once, up front, into one shared buffer:
/// pass 1 looks for the marker on every line anyway, and one buffer avoids an allocation
/// (and its release) per line. Bytes are read through bounds-checked spans and slices: the
/// trimmer is not where the gateway's time goes, so no raw pointer is worth it here.
struct ReplyText {
    let bytes: [UInt8]
    /// Each line's bytes, without its line end.
    let lines: [Range<Int>]
    /// All lines' letter keys, back to back; `keyRanges[i]` is line `i`'s.
    private let keyBytes: [UInt8]
    private let keyRanges: [Range<Int>]

    init(_ text: String) {
        self.init(utf8: Array(text.utf8))
    }

    /// `utf8` must be valid UTF-8 (the HTML renderer's output is).
    init(utf8: [UInt8]) {
        bytes = utf8
        lines = ReplyText.lineRanges(of: utf8)
        (keyBytes, keyRanges) = ReplyText.keys(of: bytes, lines: lines)
    }

    /// Each line's range without its line end (CRLF, LF or a lone CR). Text without CR
    /// (what the HTML renderer writes, and most decoded bodies) is split with `memchr`.
    private static func lineRanges(of bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        // Mail lines run 40–80 bytes: one reservation instead of growing line by line.
        lines.reserveCapacity(bytes.count / 32 + 1)
        let raw = bytes.span
        var start = 0
        if ByteScan.firstIndex(of: 0x0D, in: raw, from: 0, to: raw.count) == nil {
            while let end = ByteScan.firstIndex(of: 0x0A, in: raw, from: start, to: raw.count) {
                lines.append(start..<end)
                start = end + 1
            }
        } else {
            var index = 0
            while index < raw.count {
                let byte = raw[index]
                if byte == 0x0A || byte == 0x0D {
                    lines.append(start..<index)
                    if byte == 0x0D, index + 1 < raw.count, raw[index + 1] == 0x0A { index += 1 }
                    start = index + 1
                }
                index += 1
            }
        }
        if start < raw.count { lines.append(start..<raw.count) }
        return lines
    }

    /// Every line's key, back to back in one buffer sized like the text and written in
    /// place; a text whose keys outgrow it (see `LetterKey.write`) is keyed again by appending.
    private static func keys(of bytes: [UInt8], lines: [Range<Int>]) -> (bytes: [UInt8], ranges: [Range<Int>]) {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(lines.count)
        var fits = true
        let all = bytes.span
        let keyBytes = [UInt8](capacity: bytes.count) { out in
            for line in lines {
                let start = out.count
                guard LetterKey.write(all.extracting(line), into: &out) else {
                    fits = false
                    return
                }
                ranges.append(start..<out.count)
            }
        }
        if fits { return (keyBytes, ranges) }
        var grown: [UInt8] = []
        ranges.removeAll(keepingCapacity: true)
        for line in lines {
            let start = grown.count
            LetterKey.append(all.extracting(line), to: &grown)
            ranges.append(start..<grown.count)
        }
        return (grown, ranges)
    }

    var count: Int { lines.count }

    func line(_ index: Int) -> ArraySlice<UInt8> {
        bytes[lines[index]]
    }

    /// The line without leading white space (space, tab, no-break space).
    func content(_ index: Int) -> ArraySlice<UInt8> {
        let range = lines[index]
        return bytes[ReplyText.skipSpaces(bytes, from: range.lowerBound, to: range.upperBound)..<range.upperBound]
    }

    /// Where line `index`'s content starts (after leading white space), as an offset.
    ///
    /// Why offsets here and in the tests below: the cutter asks these of nearly every line,
    /// several times, and a returned `ArraySlice` costs a retain and a release each time.
    private func contentStart(_ index: Int) -> Int {
        let range = lines[index]
        return ReplyText.skipSpaces(bytes, from: range.lowerBound, to: range.upperBound)
    }

    func isBlank(_ index: Int) -> Bool {
        contentStart(index) == lines[index].upperBound
    }

    /// A line of a `>` quote (RFC 3676 §4.5 quote marks, tolerating leading spaces).
    func isQuoted(_ index: Int) -> Bool {
        let start = contentStart(index)
        return start < lines[index].upperBound && bytes[start] == UInt8(ascii: ">")
    }

    func key(_ index: Int) -> ArraySlice<UInt8> {
        keyBytes[keyRanges[index]]
    }

    /// The line's last byte once trailing spaces, tabs and no-break spaces are cut, as
    /// `ByteMatch.trimmingTrailingSpaces` cuts them (nil for a blank line): a cheap first
    /// test for the rules about how a line ends, without slicing it.
    func lastVisibleByte(_ index: Int) -> UInt8? {
        let range = lines[index]
        let end = ByteMatch.trimmedEnd(bytes, from: range.lowerBound, to: range.upperBound)
        return end > range.lowerBound ? bytes[end - 1] : nil
    }

    /// Whether `fieldName(content(index))` finds a colon (after the leading white space and
    /// `*`, within 20 bytes), decided in place: the Outlook-block rule asks it of every line.
    func hasEarlyColon(_ index: Int) -> Bool {
        let end = lines[index].upperBound
        var start = contentStart(index)
        while start < end, bytes[start] == UInt8(ascii: "*") { start += 1 }
        return ByteScan.firstIndex(of: UInt8(ascii: ":"), in: bytes.span, from: start, to: min(end, start + 20)) != nil
    }

    /// Calls `body` with line `index`'s key in place (empty for a line without letters or digits).
    func keyBuffer<Result>(_ index: Int, _ body: (Span<UInt8>) -> Result) -> Result {
        body(keyBytes.span.extracting(keyRanges[index]))
    }

    /// The length of line `index`'s key.
    func keyCount(_ index: Int) -> Int {
        keyRanges[index].count
    }

    /// Whether line `index`'s key is exactly one of `candidates` (compared length first).
    func keyEquals(_ index: Int, anyOf candidates: [[UInt8]]) -> Bool {
        keyStarts(index, withAnyOf: candidates, wholeKey: true)
    }

    /// Whether line `index`'s key starts with one of `prefixes`.
    func keyHasPrefix(_ index: Int, anyOf prefixes: [[UInt8]]) -> Bool {
        keyStarts(index, withAnyOf: prefixes, wholeKey: false)
    }

    /// Whether one of `prefixes` starts the key of line `index` (and, with `wholeKey`, is all
    /// of it), compared on the key buffer without slicing it.
    private func keyStarts(_ index: Int, withAnyOf prefixes: [[UInt8]], wholeKey: Bool) -> Bool {
        let range = keyRanges[index]
        let keys = keyBytes.span
        return prefixes.contains { prefix in
            let fits = wholeKey ? prefix.count == range.count : prefix.count <= range.count
            return fits && ByteMatch.equal(keys.extracting(range.lowerBound..<(range.lowerBound + prefix.count)), prefix.span)
        }
    }

    /// The lines in `range` joined with LF, leading and trailing blank lines removed.
    func joined(_ range: Range<Int>) -> String {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isBlank(lower) { lower += 1 }
        while upper > lower, isBlank(upper - 1) { upper -= 1 }
        guard lower < upper else { return "" }
        // Never longer than the lines' span, since every line end written (LF) replaces one
        // of at least one byte: one reservation. Called once or twice a message, not per line.
        var out: [UInt8] = []
        out.reserveCapacity(lines[upper - 1].upperBound - lines[lower].lowerBound)
        for index in lower..<upper {
            if index > lower { out.append(0x0A) }
            out.append(contentsOf: bytes[lines[index]])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func skipSpaces(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var index = start
        while index < end {
            if bytes[index] == 0x20 || bytes[index] == 0x09 {
                index += 1
            } else if bytes[index] == 0xC2, index + 1 < end, bytes[index + 1] == 0xA0 {
                index += 2
            } else {
                break
            }
        }
        return index
    }
}
