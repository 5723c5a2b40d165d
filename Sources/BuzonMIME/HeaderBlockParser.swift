import Glibc

/// Splits one header block (RFC 5322 §2.2) into fields and finds where the body starts.
///
/// RFC 5322 §2.2: "Header fields are lines beginning with a field name, followed by a colon
/// (":"), followed by a field body, and terminated by CRLF." §2.2.3: "Unfolding is
/// accomplished by simply removing any CRLF that is immediately followed by WSP."
/// §2.1: the header section ends at the first empty line.
///
/// Tolerated: LF or CRLF (mixed), obsolete space before the colon (RFC 5322 §4.5), a
/// leading mbox `From ` line, `From ` and `>From ` lines further down the header block
/// (skipped, unless the header ends after them: then they start the body), lines without a colon (a continuation folded without its
/// leading space when a field follows, otherwise the start of a body the sender forgot to
/// separate), 8-bit bytes (UTF-8, else windows-1252). Capped by `Limits.maxHeaderFields` and `maxHeaderFieldBytes`.
struct HeaderBlockParser {
    var limits: MessageParser.Limits

    struct Result {
        var fields: HeaderFields
        /// Offset of the first body byte (after the blank line), `end` when there is no body.
        var bodyStart: Int
    }

    func parse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
               diagnostics: inout [Diagnostic]) -> Result {
        var state = State(limits: limits)
        var position = start
        if hasMboxFromLine(bytes, at: start, end: end) {
            position = Self.line(bytes, from: start, end: end).next
        }
        while position < end {
            let (contentEnd, next) = Self.line(bytes, from: position, end: end)
            if contentEnd == position {
                state.flush(bytes, diagnostics: &diagnostics)
                return Result(fields: state.fields, bodyStart: next)
            }
            let first = bytes[position]
            if first == ASCII.space || first == ASCII.tab {
                state.appendContinuation(bytes, from: position, to: contentEnd, diagnostics: &diagnostics)
            } else if let colon = Self.colonAfterName(bytes, from: position, to: contentEnd) {
                state.flush(bytes, diagnostics: &diagnostics)
                state.begin(bytes, lineStart: position, colon: colon, lineEnd: contentEnd)
            } else if Self.isMboxSeparator(bytes, at: position, lineEnd: contentEnd), Self.headerGoesOn(bytes, at: next, end: end) {
                // A misplaced mbox `From ` (or `>From `) line, left by tools that relay mail
                // through mbox files: skipped, as Python's email parser does
                // (MisplacedEnvelopeHeaderDefect), so the fields after it are still read.
                diagnostics.append(Diagnostic(.misplacedMboxLine, "mbox separator line inside the header skipped: \(Self.preview(bytes, position, contentEnd))"))
                state.flush(bytes, diagnostics: &diagnostics)
            } else if next < end, Self.colonAfterName(bytes, from: next, to: Self.line(bytes, from: next, end: end).contentEnd) != nil {
                // Folding without the leading space (`To: a@x,` / `b@y`): read it as a continuation.
                diagnostics.append(Diagnostic(.headerWithoutColon, "line without a colon inside the header read as a continuation: \(Self.preview(bytes, position, contentEnd))"))
                state.appendContinuation(bytes, from: position, to: contentEnd, insertingSpace: true, diagnostics: &diagnostics)
            } else {
                diagnostics.append(Diagnostic(.headerWithoutColon, "line without a colon where a header was expected; body taken to start there: \(Self.preview(bytes, position, contentEnd))"))
                state.flush(bytes, diagnostics: &diagnostics)
                return Result(fields: state.fields, bodyStart: position)
            }
            position = next
        }
        state.flush(bytes, diagnostics: &diagnostics)
        return Result(fields: state.fields, bodyStart: end)
    }

    /// The line starting at `from`: where its content ends (before CR LF / LF) and where the next starts.
    @inline(__always)
    static func line(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> (contentEnd: Int, next: Int) {
        guard let newline = ByteScan.firstIndex(of: ASCII.lf, in: bytes, from: from, to: end) else { return (end, end) }
        let contentEnd = newline > from && bytes[newline &- 1] == ASCII.cr ? newline &- 1 : newline
        return (contentEnd, newline &+ 1)
    }

    /// RFC 5322 §3.6.8: field-name = 1*ftext (printable US-ASCII except ":"); obsolete
    /// syntax allows WSP before the colon. Returns the colon's offset when the line is a field.
    static func colonAfterName(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        var index = from
        while index < end {
            let byte = bytes[index]
            if byte == ASCII.colon { return index > from ? index : nil }
            if byte <= ASCII.space || byte >= 0x7F {
                // Only whitespace may sit between the name and the colon.
                var look = index
                while look < end && (bytes[look] == ASCII.space || bytes[look] == ASCII.tab) { look &+= 1 }
                return look < end && bytes[look] == ASCII.colon && index > from ? look : nil
            }
            index &+= 1
        }
        return nil
    }

    /// A line starting `From ` or `>From ` (the caller has checked it is not a field).
    static func isMboxSeparator(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, lineEnd: Int) -> Bool {
        var index = start
        if index < lineEnd && bytes[index] == UInt8(ascii: ">") { index &+= 1 }
        return lineEnd &- index >= 5 && bytes[index] == UInt8(ascii: "F") && bytes[index &+ 1] == UInt8(ascii: "r")
            && bytes[index &+ 2] == UInt8(ascii: "o") && bytes[index &+ 3] == UInt8(ascii: "m") && bytes[index &+ 4] == ASCII.space
    }

    /// Whether the line at `start` still belongs to the header block: a field or another mbox
    /// separator line. Python's parser reads a `From ` line that is the LAST line of the
    /// header block as the first line of the body; this follows it.
    static func headerGoesOn(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Bool {
        guard start < end else { return false }
        let lineEnd = line(bytes, from: start, end: end).contentEnd
        guard lineEnd > start else { return false }
        return colonAfterName(bytes, from: start, to: lineEnd) != nil || isMboxSeparator(bytes, at: start, lineEnd: lineEnd)
    }

    private func hasMboxFromLine(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Bool {
        // Compared byte by byte: this runs on every message, and an array of the prefix
        // would be allocated each time.
        guard end &- start >= 5, bytes[start] == UInt8(ascii: "F"), bytes[start &+ 1] == UInt8(ascii: "r"),
              bytes[start &+ 2] == UInt8(ascii: "o"), bytes[start &+ 3] == UInt8(ascii: "m"),
              bytes[start &+ 4] == ASCII.space else { return false }
        // `From : x` is an (obsolete-syntax) field, not an mbox separator.
        return Self.colonAfterName(bytes, from: start, to: Self.line(bytes, from: start, end: end).contentEnd) == nil
    }

    static func preview(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        let stop = min(end, start &+ 60)
        return "\"" + CharsetDecoder.decodeUndeclared(UnsafeBufferPointer(rebasing: bytes[start..<stop])).text + "\""
    }

    /// The field being assembled plus the fields done so far.
    private struct State {
        let limits: MessageParser.Limits
        var fields = HeaderFields()
        var nameRange: Range<Int>?
        var valueStart = 0
        var valueEnd = 0
        /// Used only once a field is folded; single-line fields are read straight from the input.
        var folded = [UInt8]()
        var isFolded = false
        var overLength = false
        var reportedTooMany = false

        init(limits: MessageParser.Limits) {
            self.limits = limits
            fields.reserveCapacity(16)
        }

        mutating func begin(_ bytes: UnsafeBufferPointer<UInt8>, lineStart: Int, colon: Int, lineEnd: Int) {
            var nameEnd = colon
            while nameEnd > lineStart && (bytes[nameEnd &- 1] == ASCII.space || bytes[nameEnd &- 1] == ASCII.tab) { nameEnd &-= 1 }
            nameRange = lineStart..<nameEnd
            var start = colon &+ 1
            while start < lineEnd && (bytes[start] == ASCII.space || bytes[start] == ASCII.tab) { start &+= 1 }
            valueStart = start
            valueEnd = lineEnd
            isFolded = false
            overLength = false
        }

        mutating func appendContinuation(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int,
                                         insertingSpace: Bool = false, diagnostics: inout [Diagnostic]) {
            guard nameRange != nil else { return }  // folded line before any field: nothing to attach to
            if !isFolded {
                folded.removeAll(keepingCapacity: true)
                let firstLineEnd = min(valueEnd, valueStart &+ limits.maxHeaderFieldBytes)
                if firstLineEnd < valueEnd { overLength = true }
                folded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[valueStart..<firstLineEnd]))
                isFolded = true
            }
            let room = limits.maxHeaderFieldBytes &- folded.count
            guard room > 0 else {
                overLength = true
                return
            }
            if insertingSpace { folded.append(ASCII.space) }
            let take = min(room, end &- from)
            if take < end &- from { overLength = true }
            folded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<(from &+ take)]))
        }

        mutating func flush(_ bytes: UnsafeBufferPointer<UInt8>, diagnostics: inout [Diagnostic]) {
            guard let range = nameRange else { return }
            nameRange = nil
            guard fields.count < limits.maxHeaderFields else {
                if !reportedTooMany {
                    reportedTooMany = true
                    diagnostics.append(Diagnostic(.tooManyHeaders, "more than \(limits.maxHeaderFields) header fields; the rest were ignored"))
                }
                return
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            let value: String
            if isFolded {
                value = folded.withUnsafeBufferPointer { Self.text($0[...], name: name, diagnostics: &diagnostics) }
            } else {
                var end = valueEnd
                if end &- valueStart > limits.maxHeaderFieldBytes {
                    end = valueStart &+ limits.maxHeaderFieldBytes
                    overLength = true
                }
                value = Self.text(bytes[valueStart..<end], name: name, diagnostics: &diagnostics)
            }
            if overLength {
                diagnostics.append(Diagnostic(.headerTooLong, "\(name) longer than \(limits.maxHeaderFieldBytes) bytes; cut"))
            }
            fields.append(HeaderFields.Field(name: name, rawValue: value,
                                             nameKey: HeaderFields.key(UnsafeBufferPointer(rebasing: bytes[range]))))
        }

        /// The field value as text, trailing whitespace removed: UTF-8 (RFC 6532) when valid,
        /// else windows-1252, the usual charset of old mailers that send raw 8-bit headers.
        static func text(_ slice: Slice<UnsafeBufferPointer<UInt8>>, name: String,
                         diagnostics: inout [Diagnostic]) -> String {
            var end = slice.endIndex
            while end > slice.startIndex && ASCII.isWhitespace(slice[end &- 1]) { end &-= 1 }
            let bytes = UnsafeBufferPointer(rebasing: slice[slice.startIndex..<end])
            let (text, fallback) = CharsetDecoder.decodeUndeclared(bytes)
            if fallback {
                diagnostics.append(Diagnostic(.eightBitHeader, "\(name) has 8-bit bytes that are not UTF-8; read as windows-1252"))
            }
            return text
        }
    }
}
