/// Finds multipart delimiter lines (RFC 2046 §5.1.1) with `BoundarySearcher`.
enum MultipartScanner {
    struct Delimiter {
        /// Offset of the first `-` of the delimiter line.
        var start: Int
        /// Offset of the line after the delimiter line.
        var next: Int
        var isClose: Bool
    }

    /// The first delimiter line `--boundary` at or after `from`. A match must start a line
    /// (or the body) and be followed by nothing but whitespace, or by `--` (close); a longer
    /// boundary that merely starts with ours (`--abc-1` for `abc`) is not a match.
    static func findDelimiter(_ bytes: UnsafeBufferPointer<UInt8>, searcher: BoundarySearcher, from: Int,
                              bodyStart: Int, end: Int) -> Delimiter? {
        let needle = searcher.needle
        var searchFrom = from
        while searchFrom < end {
            guard let start = searcher.firstIndex(in: bytes, from: searchFrom, end: end) else { return nil }
            searchFrom = start &+ 1
            guard start == bodyStart || bytes[start &- 1] == ASCII.lf else { continue }
            var after = start &+ needle.count
            let isClose = after &+ 1 < end && bytes[after] == ASCII.dash && bytes[after &+ 1] == ASCII.dash
            if isClose { after &+= 2 }
            let line = HeaderBlockParser.line(bytes, from: after, end: end)
            var padding = after
            while padding < line.contentEnd, bytes[padding] == ASCII.space || bytes[padding] == ASCII.tab { padding &+= 1 }
            if padding == line.contentEnd || isClose {
                return Delimiter(start: start, next: line.next, isClose: isClose)
            }
        }
        return nil
    }

    /// Where a part's content ends: before the line break preceding the delimiter at `start`.
    static func contentEnd(_ bytes: UnsafeBufferPointer<UInt8>, before start: Int, notBefore floor: Int) -> Int {
        var end = start
        if end > floor, bytes[end &- 1] == ASCII.lf { end &-= 1 }
        if end > floor, bytes[end &- 1] == ASCII.cr { end &-= 1 }
        return end
    }

    /// For a multipart whose declared boundary never appears (or is missing): the first
    /// line of the body that looks like a delimiter, `--something`, without the `--` and any close `--`.
    static func guessBoundary(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [UInt8]? {
        var position = start
        var linesLooked = 0
        while position < end && linesLooked < 1_000 {
            let line = HeaderBlockParser.line(bytes, from: position, end: end)
            if line.contentEnd &- position > 3, bytes[position] == ASCII.dash, bytes[position &+ 1] == ASCII.dash {
                var candidate = Array(UnsafeBufferPointer(rebasing: bytes[(position &+ 2)..<line.contentEnd]))
                while let last = candidate.last, ASCII.isWhitespace(last) { candidate.removeLast() }
                if candidate.count > 2, candidate.suffix(2) == [ASCII.dash, ASCII.dash] { candidate.removeLast(2) }
                if !candidate.isEmpty, !candidate.contains(ASCII.space) { return candidate }
            }
            position = line.next
            linesLooked &+= 1
        }
        return nil
    }
}
