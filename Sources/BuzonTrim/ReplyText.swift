import Glibc
import BuzonMIME

/// The lines of a reply body as UTF-8 byte ranges, for the line rules of `ReplyTrimmer`.
///
/// Bytes rather than `Character`s because the rules only compare ASCII punctuation and
/// short words, and grapheme-aware `String` operations (or Foundation's `contains`) cost
/// ten times more on the long quoted threads the benchmark feeds through here.
/// Lines end at CRLF, LF or a lone CR, so every convention trims identically.
/// Every line's letter key (`LetterKey`) is computed once, up front, into one shared buffer:
/// pass 1 looks for the marker on every line anyway, and one buffer avoids an allocation
/// (and its release) per line.
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
        bytes.withUnsafeBufferPointer { raw in
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
        }
        return lines
    }

    /// Every line's key, back to back in one buffer sized like the text and written in
    /// place; a text whose keys outgrow it (see `LetterKey.write`) is keyed again by appending.
    private static func keys(of bytes: [UInt8], lines: [Range<Int>]) -> (bytes: [UInt8], ranges: [Range<Int>]) {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(lines.count)
        var fits = true
        let keyBytes = [UInt8](unsafeUninitializedCapacity: bytes.count) { out, count in
            count = 0
            bytes.withUnsafeBufferPointer { all in
                LetterKey.withFolding { folding in
                    for line in lines {
                        let start = count
                        guard LetterKey.write(UnsafeBufferPointer(rebasing: all[line]), into: out, count: &count,
                                              folding: folding) else {
                            fits = false
                            return
                        }
                        ranges.append(start..<count)
                    }
                }
            }
        }
        if fits { return (keyBytes, ranges) }
        var grown: [UInt8] = []
        ranges.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { all in
            for line in lines {
                let start = grown.count
                LetterKey.append(UnsafeBufferPointer(rebasing: all[line]), to: &grown)
                ranges.append(start..<grown.count)
            }
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
        return bytes.withUnsafeBufferPointer {
            ByteScan.firstIndex(of: UInt8(ascii: ":"), in: $0, from: start, to: min(end, start + 20)) != nil
        }
    }

    /// Calls `body` with line `index`'s key in place (empty for a line without letters or
    /// digits; its base address is then not to be used).
    func keyBuffer<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let range = keyRanges[index]
        return keyBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
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
        return keyBytes.withUnsafeBufferPointer { keys in
            prefixes.contains { prefix in
                let fits = wholeKey ? prefix.count == range.count : prefix.count <= range.count
                return fits && prefix.withUnsafeBufferPointer { wanted in
                    prefix.isEmpty || memcmp(keys.baseAddress! + range.lowerBound, wanted.baseAddress!, prefix.count) == 0
                }
            }
        }
    }

    /// The lines in `range` joined with LF, leading and trailing blank lines removed.
    func joined(_ range: Range<Int>) -> String {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isBlank(lower) { lower += 1 }
        while upper > lower, isBlank(upper - 1) { upper -= 1 }
        guard lower < upper else { return "" }
        // Written straight into the string's storage; never longer than the lines' span,
        // since every line end written (LF) replaces one of at least one byte.
        let capacity = lines[upper - 1].upperBound - lines[lower].lowerBound
        return bytes.withUnsafeBufferPointer { raw in
            String(unsafeUninitializedCapacity: capacity) { out in
                var count = 0
                for index in lower..<upper {
                    if index > lower {
                        out[count] = 0x0A
                        count += 1
                    }
                    let line = UnsafeBufferPointer(rebasing: raw[lines[index]])
                    if let source = line.baseAddress, let target = out.baseAddress {
                        (target + count).initialize(from: source, count: line.count)
                    }
                    count += line.count
                }
                return count
            }
        }
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
