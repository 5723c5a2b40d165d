import Glibc

/// Bytes in a declared (or undeclared) charset to a Swift `String`.
///
/// Fast hand-written paths for the charsets that make up nearly all Spanish mail
/// (us-ascii, UTF-8, ISO-8859-1, windows-1252, ISO-8859-15); every other name goes
/// through glibc iconv. Never fails: invalid bytes become U+FFFD and a diagnostic.
enum CharsetDecoder {
    enum Known: Equatable {
        case ascii
        case utf8
        case singleByte(SingleByteCharset)
    }

    /// The charset name as a lookup key: quotes, RFC 2231 `*language` and `:year` suffixes, case,
    /// and the separators `-`, `_`, space removed (`ISO_8859-1` == `iso-8859-1` == `iso88591`).
    ///
    /// Written straight into the string's storage: a name of up to 15 bytes makes a small string,
    /// so no allocation, and this runs for every text part and encoded word.
    static func key(_ name: String) -> String {
        String(unsafeUninitializedCapacity: name.utf8.count) { out in
            var count = 0
            for byte in name.utf8 {
                if byte == ASCII.quote || byte == ASCII.dash || byte == ASCII.underscore || ASCII.isWhitespace(byte) {
                    continue
                }
                if byte == 0x2A || byte == ASCII.colon { break }  // `*language` (RFC 2231), `:1987` year suffix
                out[count] = ASCII.lower(byte)
                count += 1
            }
            return count
        }
    }

    /// The hand-written decoder for `name`, nil when iconv must be asked.
    static func known(_ name: String) -> Known? {
        switch key(name) {
        case "usascii", "ascii", "ansix3.41968", "646", "us": return .ascii
        case "utf8", "unicode11utf8": return .utf8
        case "iso88591", "latin1", "l1", "iso885911987", "cp819", "ibm819", "iso8859",
             "windows1252", "cp1252", "xcp1252", "win1252", "ms1252":
            return .singleByte(.windows1252)
        case "iso885915", "latin9", "l9", "latin0": return .singleByte(.latin9)
        default: return nil
        }
    }

    /// Decodes `bytes` written in `charset` (nil or empty: undeclared).
    ///
    /// RFC 2046 §4.1.2 makes us-ascii the default, but real mail sends undeclared 8-bit
    /// text: it is read as UTF-8 when valid, else windows-1252. A declared us-ascii part with
    /// 8-bit bytes is treated the same way (with a diagnostic). An unknown name is treated as
    /// undeclared, with a diagnostic.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, charset: String?, diagnostics: inout [Diagnostic]) -> String {
        guard let charset, !charset.isEmpty else { return decodeUndeclared(bytes).text }
        if let known = known(charset) {
            switch known {
            case .ascii:
                if ASCII.isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
                diagnostics.append(Diagnostic(.invalidCharsetBytes, "8-bit bytes in text declared \(charset); read as UTF-8 or windows-1252"))
                return decodeUndeclared(bytes).text
            case .utf8:
                let (text, valid) = repairedUTF8(bytes)
                if !valid {
                    diagnostics.append(Diagnostic(.invalidCharsetBytes, "invalid UTF-8 in text declared \(charset); replaced with U+FFFD"))
                }
                return text
            case .singleByte(let table):
                return table.decode(bytes)
            }
        }
        guard let converter = Iconv(from: iconvName(charset)) else {
            diagnostics.append(Diagnostic(.unknownCharset, "unknown charset \"\(charset)\"; read as UTF-8 or windows-1252"))
            return decodeUndeclared(bytes).text
        }
        let (utf8, invalid) = converter.convert(bytes)
        if invalid {
            diagnostics.append(Diagnostic(.invalidCharsetBytes, "bytes invalid in \(charset) replaced with U+FFFD"))
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The name as iconv wants it: no quotes, no surrounding space, no RFC 2231 `*language`.
    static func iconvName(_ charset: String) -> String {
        let trimmed = charset.trimmingQuotes()
        guard let star = trimmed.firstIndex(of: "*") else { return trimmed }
        return String(trimmed[..<star])
    }

    static func decode(_ bytes: [UInt8], charset: String?, diagnostics: inout [Diagnostic]) -> String {
        bytes.withUnsafeBufferPointer { decode($0, charset: charset, diagnostics: &diagnostics) }
    }

    /// `bytes` as a `String` when they are valid UTF-8, else nil.
    ///
    /// Why not `String(validating:as:)`: it is generic and not specialized for buffers here,
    /// so it decodes scalar by scalar; it was most of `decode`'s time on UTF-8 text bodies.
    /// `String(decoding:as:)` validates with the standard library's fast UTF-8 check and
    /// replaces invalid sequences with U+FFFD. A repair always changes the bytes (the input
    /// was not valid UTF-8, the output is), so the result equals the input byte for byte
    /// exactly when the input was valid.
    static func validUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let (text, valid) = repairedUTF8(bytes)
        return valid ? text : nil
    }

    /// `bytes` decoded as UTF-8, invalid sequences replaced with U+FFFD, and whether there
    /// were none (see `validUTF8`).
    static func repairedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, valid: Bool) {
        var text = String(decoding: bytes, as: UTF8.self)
        let unchanged = text.withUTF8 { utf8 in
            guard utf8.count == bytes.count else { return false }
            guard let decoded = utf8.baseAddress, let input = bytes.baseAddress else { return true }
            return memcmp(decoded, input, bytes.count) == 0
        }
        return (text, unchanged)
    }

    /// Undeclared text: UTF-8 when it is valid UTF-8, otherwise windows-1252.
    static func decodeUndeclared(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, usedFallback: Bool) {
        if ASCII.isASCII(bytes) { return (String(decoding: bytes, as: UTF8.self), false) }
        if let valid = validUTF8(bytes) { return (valid, false) }
        return (SingleByteCharset.windows1252.decode(bytes), true)
    }
}

extension String {
    /// Without one pair of surrounding double quotes and surrounding whitespace.
    func trimmingQuotes() -> String {
        var bytes = Substring(self).utf8[...]
        while let first = bytes.first, ASCII.isWhitespace(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, ASCII.isWhitespace(last) { bytes = bytes.dropLast() }
        if bytes.count >= 2, bytes.first == ASCII.quote, bytes.last == ASCII.quote {
            bytes = bytes.dropFirst().dropLast()
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
