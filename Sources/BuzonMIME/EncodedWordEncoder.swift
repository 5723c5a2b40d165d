import Foundation

/// RFC 2047 encoded words for header text that is not plain ASCII.
public enum EncodedWordEncoder {
    /// RFC 2047 §2: "An 'encoded-word' may not be more than 75 characters long, including
    /// 'charset', 'encoding', 'encoded-text', and delimiters."
    public static let maxWordLength = 75
    /// `=?UTF-8?B?` + `?=`.
    private static let overhead = 12

    /// Encodes `text` as UTF-8 encoded words, B or Q, whichever is shorter. The first word
    /// is at most `firstWordLimit` characters (room left on the header's first line), the
    /// others at most 75. Words split only between characters (grapheme clusters), or
    /// between scalars for a cluster too long for one word, never inside a UTF-8 sequence.
    /// The words are meant to be separated by folding white space, which decoders drop.
    public static func encode(_ text: String, firstWordLimit: Int = maxWordLength) -> [String] {
        let bytes = Array(text.utf8)
        let qLength = bytes.reduce(0) { $0 + (isQSafe($1) ? 1 : 3) }
        let useB = (bytes.count + 2) / 3 * 4 < qLength
        var words: [String] = []
        var chunk: [UInt8] = []
        var limit = max(overhead + 12, min(firstWordLimit, maxWordLength))
        func flush() {
            guard !chunk.isEmpty else { return }
            words.append(word(chunk, useB: useB))
            chunk.removeAll(keepingCapacity: true)
            limit = maxWordLength
        }
        for character in text {
            let piece = Array(String(character).utf8)
            if fits(chunk + piece, useB: useB, limit: limit) {
                chunk += piece
                continue
            }
            flush()
            if fits(piece, useB: useB, limit: limit) {
                chunk = piece
                continue
            }
            for scalar in character.unicodeScalars {
                let scalarBytes = Array(String(scalar).utf8)
                if !fits(chunk + scalarBytes, useB: useB, limit: limit) { flush() }
                chunk += scalarBytes
            }
        }
        flush()
        return words
    }

    private static func fits(_ bytes: [UInt8], useB: Bool, limit: Int) -> Bool {
        encodedLength(bytes, useB: useB) + overhead <= limit
    }

    private static func encodedLength(_ bytes: [UInt8], useB: Bool) -> Int {
        useB ? (bytes.count + 2) / 3 * 4 : bytes.reduce(0) { $0 + (isQSafe($1) ? 1 : 3) }
    }

    private static func word(_ bytes: [UInt8], useB: Bool) -> String {
        if useB { return "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?=" }
        var encoded: [UInt8] = []
        for byte in bytes {
            if byte == 0x20 {
                encoded.append(UInt8(ascii: "_"))
            } else if isQSafe(byte) {
                encoded.append(byte)
            } else {
                QuotedPrintableEncoder.appendEscaped(byte, into: &encoded)
            }
        }
        return "=?UTF-8?Q?" + String(decoding: encoded, as: UTF8.self) + "?="
    }

    /// RFC 2047 §5 (3): in a phrase, Q text may only use letters, digits, `!*+-/` (and `_`
    /// for a space); restricting every Q word to that set makes it valid in any header.
    private static func isQSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: "-"), UInt8(ascii: "/"), 0x20:
            return true
        default:
            return false
        }
    }
}
