import Glibc

/// RFC 2047 encoded words (`=?charset?B|Q?text?=`) in header text.
///
/// RFC 2047 §2: encoded-word = "=?" charset "?" encoding "?" encoded-text "?=".
/// §6.2: "any 'linear-white-space' that separates a pair of adjacent 'encoded-word's is
/// ignored." Adjacent words in the same charset are joined as bytes before conversion,
/// so a multi-byte character split across two words (as Outlook and Gmail do) survives.
/// Words not separated from surrounding text by space (`Re:=?utf-8?…?=`) are decoded too;
/// malformed ones are left as written (RFC 2047 §6.3) with a diagnostic.
enum EncodedWordDecoder {
    struct Word {
        var charset: String
        var decoded: [UInt8]
        /// Offset just after the closing `?=`.
        var end: Int
    }

    /// Decodes every encoded word in `text`; returns `text` itself when it has none.
    static func decode(_ text: String, diagnostics: inout [Diagnostic]) -> String {
        guard containsEncodedWordStart(text) else { return text }
        var text = text
        return text.withUTF8 { decode($0, diagnostics: &diagnostics) }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, diagnostics: inout [Diagnostic]) -> String {
        var output = [UInt8]()
        output.reserveCapacity(bytes.count)
        var run: (charset: String, bytes: [UInt8])?
        var pendingSpace: Range<Int>?
        var afterWord = false
        var index = 0

        func flushRun() {
            guard let current = run else { return }
            output.append(contentsOf: CharsetDecoder.decode(current.bytes, charset: current.charset, diagnostics: &diagnostics).utf8)
            run = nil
        }
        func flushSpace() {
            if let space = pendingSpace { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[space])) }
            pendingSpace = nil
        }

        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.equals, let word = parseWord(bytes, at: index, diagnostics: &diagnostics) {
                // Space between two encoded words disappears; space after plain text stays.
                if !afterWord { flushSpace() }
                pendingSpace = nil
                if let current = run, current.charset.caseInsensitiveEquals(word.charset) {
                    run?.bytes.append(contentsOf: word.decoded)
                } else {
                    flushRun()
                    run = (word.charset, word.decoded)
                }
                index = word.end
                afterWord = true
                continue
            }
            if afterWord && ASCII.isWhitespace(byte) {
                pendingSpace = (pendingSpace?.lowerBound ?? index)..<(index + 1)
                index += 1
                continue
            }
            flushRun()
            flushSpace()
            afterWord = false
            output.append(byte)
            index += 1
        }
        flushRun()
        flushSpace()
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `text` holds `=?` anywhere. Every subject and display name passes here and
    /// nearly all have none, so native strings are searched for `=` with `memchr` rather
    /// than walked byte by byte; other strings take the loop below.
    static func containsEncodedWordStart(_ text: String) -> Bool {
        let found: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var from = 0
            while let at = ByteScan.firstIndex(of: ASCII.equals, in: bytes, from: from, to: bytes.count) {
                if at + 1 < bytes.count && bytes[at + 1] == ASCII.question { return true }
                from = at + 1
            }
            return false
        }
        if let found { return found }
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == ASCII.equals && byte == ASCII.question { return true }
            previous = byte
        }
        return false
    }

    /// Parses one encoded word starting at `start` (which holds `=`), nil when there is none.
    static func parseWord(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, diagnostics: inout [Diagnostic]) -> Word? {
        let count = bytes.count
        guard start + 1 < count, bytes[start + 1] == ASCII.question else { return nil }
        var index = start + 2
        let charsetStart = index
        while index < count, bytes[index] != ASCII.question, !ASCII.isWhitespace(bytes[index]), index - charsetStart < 64 {
            index += 1
        }
        guard index + 2 < count, index > charsetStart, bytes[index] == ASCII.question,
              bytes[index + 2] == ASCII.question else { return nil }
        let encoding = ASCII.lower(bytes[index + 1])
        guard encoding == 0x62 || encoding == 0x71 else { return nil }  // "b" or "q"
        let charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self)
        let textStart = index + 3
        var end = textStart
        while end < count, bytes[end] != ASCII.question, !ASCII.isWhitespace(bytes[end]) { end += 1 }
        guard end + 1 < count, bytes[end] == ASCII.question, bytes[end + 1] == ASCII.equals else {
            diagnostics.append(Diagnostic(.malformedEncodedWord, "unterminated encoded word left as written: \(String(decoding: bytes[start..<min(count, start + 40)], as: UTF8.self))"))
            return nil
        }
        let payload = UnsafeBufferPointer(rebasing: bytes[textStart..<end])
        let decoded: [UInt8]
        if encoding == 0x62 {
            let result = Base64Decoder.decode(payload)
            if result.junkCount > 0 {
                diagnostics.append(Diagnostic(.malformedEncodedWord, "encoded word with invalid base64 left as written"))
                return nil
            }
            decoded = result.bytes
        } else {
            decoded = QuotedPrintableDecoder.decodeQ(payload)
        }
        return Word(charset: charset, decoded: decoded, end: end + 2)
    }
}
