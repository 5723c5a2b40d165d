import BuzonMIME

/// Byte-level comparisons for the line rules: ASCII case folding only (the patterns'
/// non-ASCII letters, like the `ó` of `escribió:`, are matched exactly).
enum ByteMatch {
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    static func hasPrefix(_ text: ArraySlice<UInt8>, _ pattern: [UInt8], ignoringCase: Bool = false) -> Bool {
        guard text.count >= pattern.count else { return false }
        var index = text.startIndex
        for byte in pattern {
            if (ignoringCase ? lower(text[index]) : text[index]) != byte { return false }
            index += 1
        }
        return true
    }

    static func hasPrefix(_ text: ArraySlice<UInt8>, _ pattern: ArraySlice<UInt8>) -> Bool {
        text.count >= pattern.count && text[text.startIndex..<(text.startIndex + pattern.count)].elementsEqual(pattern)
    }

    static func hasSuffix(_ text: ArraySlice<UInt8>, _ pattern: [UInt8], ignoringCase: Bool = false) -> Bool {
        guard text.count >= pattern.count else { return false }
        return hasPrefix(text[(text.endIndex - pattern.count)...], pattern, ignoringCase: ignoringCase)
    }

    /// Whether `pattern` occurs in `text` (see the span overload).
    static func contains(_ text: ArraySlice<UInt8>, _ pattern: [UInt8]) -> Bool {
        contains(text.span, pattern)
    }

    /// Jumps between occurrences of the pattern's first byte with `memchr` (`ByteScan`) and
    /// compares the rest: the marker check runs this on every line of a reply.
    static func contains(_ text: Span<UInt8>, _ pattern: [UInt8]) -> Bool {
        guard let first = pattern.first else { return true }
        guard text.count >= pattern.count else { return false }
        let wanted = pattern.span
        var index = 0
        let last = text.count &- pattern.count
        while index <= last {
            guard let position = ByteScan.firstIndex(of: first, in: text, from: index, to: last &+ 1) else { return false }
            if equal(text.extracting(position..<(position &+ pattern.count)), wanted) { return true }
            index = position &+ 1
        }
        return false
    }

    /// Whether two spans hold the same bytes.
    static func equal(_ a: Span<UInt8>, _ b: Span<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for index in a.indices where a[index] != b[index] { return false }
        return true
    }

    static func contains(_ text: ArraySlice<UInt8>, byte: UInt8) -> Bool {
        text.contains(byte)
    }

    /// `text` without trailing spaces, tabs and no-break spaces.
    static func trimmingTrailingSpaces(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        text[text.startIndex..<trimmedEnd(text, from: text.startIndex, to: text.endIndex)]
    }

    /// Where `text[start..<end]` ends once trailing spaces, tabs and no-break spaces (C2 A0)
    /// are cut; on indices, so callers that must not slice (a retain each) can use it too.
    static func trimmedEnd<Bytes: RandomAccessCollection>(_ text: Bytes, from start: Int, to end: Int) -> Int
        where Bytes.Element == UInt8, Bytes.Index == Int {
        var end = end
        while end > start {
            if text[end - 1] == 0x20 || text[end - 1] == 0x09 {
                end -= 1
            } else if end - 2 >= start, text[end - 2] == 0xC2, text[end - 1] == 0xA0 {
                end -= 2
            } else {
                break
            }
        }
        return end
    }

    static func bytes(_ strings: [String]) -> [[UInt8]] {
        strings.map { Array($0.utf8) }
    }
}
