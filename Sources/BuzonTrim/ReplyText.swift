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
        var lines: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(start..<index)
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        self.lines = lines
        (keyBytes, keyRanges) = ReplyText.keys(of: bytes, lines: lines)
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
                for line in lines {
                    let start = count
                    guard LetterKey.write(UnsafeBufferPointer(rebasing: all[line]), into: out, count: &count) else {
                        fits = false
                        return
                    }
                    ranges.append(start..<count)
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

    func isBlank(_ index: Int) -> Bool {
        content(index).isEmpty
    }

    /// A line of a `>` quote (RFC 3676 §4.5 quote marks, tolerating leading spaces).
    func isQuoted(_ index: Int) -> Bool {
        content(index).first == UInt8(ascii: ">")
    }

    func key(_ index: Int) -> ArraySlice<UInt8> {
        keyBytes[keyRanges[index]]
    }

    /// The lines in `range` joined with LF, leading and trailing blank lines removed.
    func joined(_ range: Range<Int>) -> String {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isBlank(lower) { lower += 1 }
        while upper > lower, isBlank(upper - 1) { upper -= 1 }
        var out: [UInt8] = []
        for index in lower..<upper {
            if index > lower { out.append(0x0A) }
            out.append(contentsOf: line(index))
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
