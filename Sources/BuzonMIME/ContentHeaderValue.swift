/// A `Content-Type` or `Content-Disposition` value: the token before the first `;` and its
/// parameters, with RFC 2231 extended and continued parameters joined and decoded.
///
/// RFC 2045 §5.1: content := "Content-Type" ":" type "/" subtype *(";" parameter);
/// parameter := attribute "=" value; value := token / quoted-string.
/// RFC 2231 §3: `name*0=`, `name*1=` … are continuations joined in order; §4: `name*=`
/// carries `charset'language'percent-encoded-octets` (only the first section has the
/// charset and language); `name*0*=` combines both.
/// Lenient: missing or doubled `;`, unquoted values with spaces, unterminated quotes.
struct ContentHeaderValue: Sendable, Equatable {
    /// The main token, lower-cased (`text/plain`, `attachment`); empty when absent.
    var value: String
    /// Parameter names lower-cased; values unquoted and RFC 2231-decoded (encoded words NOT decoded).
    var parameters: MIMEParameters

    /// More RFC 2231 sections than this for one parameter are ignored (a bound for hostile input).
    static let maxSections = 256

    private struct Section {
        var index: Int
        var encoded: Bool
        var value: String
    }

    static func parse(_ raw: String, diagnostics: inout [Diagnostic]) -> ContentHeaderValue {
        // Read from the string's own UTF-8 storage: every part's content headers pass here.
        var raw = raw
        return raw.withUTF8 { parse($0, diagnostics: &diagnostics) }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, diagnostics: inout [Diagnostic]) -> ContentHeaderValue {
        var index = 0
        while index < bytes.count, bytes[index] != ASCII.semicolon { index += 1 }
        let value = ASCII.lowercasedToken(stripComment(bytes[0..<index]))
        var plain: MIMEParameters = [:]
        var sections: [String: [Section]] = [:]
        while index < bytes.count {
            while index < bytes.count, bytes[index] == ASCII.semicolon || ASCII.isWhitespace(bytes[index]) { index += 1 }
            let nameStart = index
            while index < bytes.count, bytes[index] != ASCII.equals, bytes[index] != ASCII.semicolon { index += 1 }
            let name = ASCII.lowercasedToken(bytes[nameStart..<index])
            guard index < bytes.count, bytes[index] == ASCII.equals else { continue }
            index += 1
            while index < bytes.count, ASCII.isWhitespace(bytes[index]) { index += 1 }
            let parameterValue = readValue(bytes, &index)
            guard !name.isEmpty else { continue }
            if let star = name.utf8.firstIndex(of: 0x2A) {
                let base = String(name[..<star])
                let suffix = Array(name.utf8[name.utf8.index(after: star)...])
                addSection(base: base, suffix: suffix, value: parameterValue, to: &sections)
            } else if plain[name] == nil {
                plain[name] = parameterValue
            }
        }
        for (name, parts) in sections {
            plain[name] = join(parts, diagnostics: &diagnostics)
        }
        return ContentHeaderValue(value: value, parameters: plain)
    }

    /// Reads a quoted string (backslash escapes, unterminated runs to the end) or a bare value
    /// up to the next `;` (spaces kept, ends trimmed).
    private static func readValue(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> String {
        if index < bytes.count, bytes[index] == ASCII.quote {
            index += 1
            // Nearly every quoted value has no backslash: it is copied in one piece.
            let start = index
            while index < bytes.count, bytes[index] != ASCII.quote, bytes[index] != ASCII.backslash { index += 1 }
            if index >= bytes.count || bytes[index] == ASCII.quote {
                let value = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                while index < bytes.count, bytes[index] != ASCII.semicolon { index += 1 }
                return value
            }
            var out = Array(bytes[start..<index])
            while index < bytes.count, bytes[index] != ASCII.quote {
                if bytes[index] == ASCII.backslash, index + 1 < bytes.count { index += 1 }
                out.append(bytes[index])
                index += 1
            }
            index += 1
            // Anything after the closing quote up to `;` is junk.
            while index < bytes.count, bytes[index] != ASCII.semicolon { index += 1 }
            return String(decoding: out, as: UTF8.self)
        }
        let start = index
        while index < bytes.count, bytes[index] != ASCII.semicolon { index += 1 }
        return String(decoding: bytes[ASCII.trimmedRange(bytes, start..<index)], as: UTF8.self)
    }

    /// `text/plain (comment)`: the comment is not part of the type.
    private static func stripComment(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        guard let open = bytes.firstIndex(of: ASCII.openParen) else { return bytes }
        return bytes[bytes.startIndex..<open]
    }

    private static func addSection(base: String, suffix: [UInt8], value: String, to sections: inout [String: [Section]]) {
        // `name*` (suffix empty) is one extended value; `name*0*` an extended section; `name*1` a plain one.
        var digits = suffix[...]
        let encoded = digits.isEmpty || digits.last == 0x2A
        if encoded { digits = digits.dropLast() }
        var number = 0
        if !digits.isEmpty {
            guard digits.count <= 4, digits.allSatisfy(ASCII.isDigit) else { return }
            for digit in digits { number = number * 10 + Int(digit - 0x30) }
        }
        guard (sections[base]?.count ?? 0) < maxSections else { return }
        sections[base, default: []].append(Section(index: number, encoded: encoded, value: value))
    }

    private static func join(_ parts: [Section], diagnostics: inout [Diagnostic]) -> String {
        let ordered = parts.sorted { $0.index < $1.index }
        var charset: String?
        var octets = [UInt8]()
        for (position, section) in ordered.enumerated() {
            var text = Array(section.value.utf8)[...]
            if section.encoded && position == 0 {
                // charset'language'value; when the quotes are missing the whole is the value.
                if let first = text.firstIndex(of: 0x27),
                   let second = text[(first + 1)...].firstIndex(of: 0x27) {
                    charset = String(decoding: text[text.startIndex..<first], as: UTF8.self)
                    text = text[(second + 1)...]
                }
            }
            octets.append(contentsOf: section.encoded ? percentDecoded(text) : Array(text))
        }
        let declared = (charset?.isEmpty ?? true) ? nil : charset
        return CharsetDecoder.decode(octets, charset: declared, diagnostics: &diagnostics)
    }

    /// `%XX` to the octet; a `%` not followed by two hex digits is kept.
    static func percentDecoded(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == 0x25, index + 2 < text.endIndex,
               let high = ASCII.hexValue(text[index + 1]), let low = ASCII.hexValue(text[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(text[index])
                index += 1
            }
        }
        return out
    }
}
