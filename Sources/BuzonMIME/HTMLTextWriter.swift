/// Accumulates rendered text the way a browser lays it out, for `HTMLText`.
///
/// Invariant that keeps it simple: line breaks are never written eagerly. They wait in
/// `pendingBreaks` until the next visible character, so the output never starts or ends with
/// a blank line and a run of blocks can never stack up more than one blank line.
struct HTMLTextWriter {
    private(set) var bytes: [UInt8] = []
    private var pendingBreaks = 0
    private var pendingSpace = false
    /// `> ` prefixes to write at the start of each line (blockquote nesting).
    var quoteDepth = 0
    /// Indentation for nested lists.
    var listDepth = 0

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { bytes.isEmpty }
    private var atLineStart: Bool { bytes.isEmpty || pendingBreaks > 0 }

    /// A block boundary (`div`, `li`, `tr`): the next text starts on a new line.
    mutating func lineBreak() {
        if !bytes.isEmpty, pendingBreaks == 0 { pendingBreaks = 1 }
        pendingSpace = false
    }

    /// A paragraph boundary (`p`, `h1`): the next text follows one blank line.
    mutating func paragraphBreak() {
        if !bytes.isEmpty { pendingBreaks = 2 }
        pendingSpace = false
    }

    /// `<br>` or a newline inside `pre`: always ends the line, so two make a blank line.
    mutating func hardBreak() {
        if !bytes.isEmpty { pendingBreaks = min(pendingBreaks + 1, 2) }
        pendingSpace = false
    }

    /// Collapsible white space: at most one space between words, none at a line start.
    mutating func space() {
        if !atLineStart { pendingSpace = true }
    }

    mutating func append(_ byte: UInt8) {
        flush()
        bytes.append(byte)
    }

    /// A run of visible bytes: the same as appending them one by one.
    mutating func append(contentsOf run: UnsafeBufferPointer<UInt8>) {
        flush()
        bytes.append(contentsOf: run)
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        flush()
        if scalar.isASCII {
            bytes.append(UInt8(scalar.value))
        } else {
            bytes.append(contentsOf: String(Character(scalar)).utf8)
        }
    }

    mutating func append(_ string: String) {
        flush()
        bytes.append(contentsOf: string.utf8)
    }

    /// Appends right after the last visible character, ignoring pending breaks (link targets).
    mutating func appendInline(_ string: String) {
        bytes.append(contentsOf: string.utf8)
    }

    private mutating func flush() {
        if pendingBreaks > 0 {
            for _ in 0..<pendingBreaks { bytes.append(0x0A) }
            pendingBreaks = 0
            pendingSpace = false
            writeLinePrefix()
        } else if bytes.isEmpty {
            writeLinePrefix()
        }
        if pendingSpace {
            bytes.append(0x20)
            pendingSpace = false
        }
    }

    private mutating func writeLinePrefix() {
        for _ in 0..<quoteDepth {
            bytes.append(UInt8(ascii: ">"))
            bytes.append(0x20)
        }
    }

    /// The text with trailing spaces removed from every line and blank runs (including lines
    /// that held only `&nbsp;` or quote prefixes) reduced to one blank line. Ends the writer.
    mutating func finish() -> String {
        String(decoding: finishedBytes(), as: UTF8.self)
    }

    /// `finish()`'s UTF-8, for callers that go on working on bytes (the reply trimmer).
    /// Compacted in place and handed over: the output is never longer than what was written,
    /// so no second buffer is needed.
    mutating func finishedBytes() -> [UInt8] {
        var written = 0
        bytes.withUnsafeMutableBufferPointer { raw in
            let total = raw.count
            var blankRun = 0
            var lineStart = 0
            while lineStart <= total {
                let lineEnd = ByteScan.firstIndex(of: 0x0A, in: UnsafeBufferPointer(raw), from: lineStart, to: total) ?? total
                var trimmedEnd = lineEnd
                while trimmedEnd > lineStart, raw[trimmedEnd - 1] == 0x20 || raw[trimmedEnd - 1] == 0x09 { trimmedEnd -= 1 }
                if trimmedEnd == lineStart {
                    blankRun += 1
                } else {
                    if written > 0 {
                        raw[written] = 0x0A
                        written += 1
                        if blankRun > 0 {
                            raw[written] = 0x0A
                            written += 1
                        }
                    }
                    // `written` never passes `lineStart`: each line's break was already written
                    // before it (at most two bytes for the breaks consumed), so this copy only
                    // moves bytes down and never overwrites ones not yet read.
                    if written != lineStart, let base = raw.baseAddress {
                        (base + written).update(from: base + lineStart, count: trimmedEnd - lineStart)
                    }
                    written += trimmedEnd - lineStart
                    blankRun = 0
                }
                lineStart = lineEnd + 1
            }
        }
        bytes.removeSubrange(written...)
        defer { bytes = [] }
        return bytes
    }
}
