import Foundation

/// The encoders a mail client applies on the way out: charsets, quoted-printable, base64 and
/// RFC 2047 encoded words. Output uses CRLF, as on the wire.
enum MailEncoding {
    enum Charset: String, CaseIterable {
        case utf8 = "utf-8", latin1 = "iso-8859-1", windows1252 = "windows-1252"
    }

    enum TransferEncoding: String {
        case sevenBit = "7bit", eightBit = "8bit", quotedPrintable = "quoted-printable", base64
    }

    /// windows-1252's printable 0x80–0x9F characters that Spanish text uses.
    static let windows1252Extras: [UnicodeScalar: UInt8] = [
        "€": 0x80, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97,
    ]

    /// The text in `charset`; characters it cannot represent become `?`, as clients do.
    static func bytes(_ text: String, _ charset: Charset) -> [UInt8] {
        if charset == .utf8 { return Array(text.utf8) }
        return text.unicodeScalars.map { scalar in
            if scalar.value < 0x80 || (scalar.value >= 0xA0 && scalar.value < 0x100) { return UInt8(scalar.value) }
            if charset == .windows1252, let byte = windows1252Extras[scalar] { return byte }
            return UInt8(ascii: "?")
        }
    }

    static let hex = Array("0123456789ABCDEF".utf8)

    /// RFC 2045 §6.7: lines of at most 76 characters, soft breaks `=CRLF`, `=XX` for `=`,
    /// 8-bit bytes and trailing white space; the CRLF line breaks of the text stay hard breaks.
    static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [], column = 0
        out.reserveCapacity(bytes.count + bytes.count / 4)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                out += [13, 10]
                column = 0
                index += 2
                continue
            }
            let nextIsBreak = index + 1 == bytes.count || bytes[index + 1] == 13
            let literal = (byte >= 33 && byte <= 126 && byte != 61) || (byte == 32 && !nextIsBreak)
            let width = literal ? 1 : 3
            if column + width > 75 {
                out += [61, 13, 10]
                column = 0
            }
            if literal { out.append(byte) } else { out += [61, hex[Int(byte >> 4)], hex[Int(byte & 15)]] }
            column += width
            index += 1
        }
        return out
    }

    /// RFC 2045 §6.8: base64 in lines of 76 characters, CRLF-terminated.
    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        var encoded = Array(Data(bytes).base64EncodedData(options: [.lineLength76Characters, .endLineWithCarriageReturn,
                                                                     .endLineWithLineFeed]))
        encoded += [13, 10]
        return encoded
    }

    /// RFC 2047 encoded words for a header: one word when it fits in 75 characters, otherwise
    /// several joined with folding white space; ASCII text is returned as is.
    static func encodedWords(_ text: String, _ charset: Charset, base64: Bool) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return text }
        let whole = encodedWord(text, charset, base64: base64)
        if whole.utf8.count <= 75 { return whole }
        var words: [String] = [], chunk = ""
        for character in text {
            chunk.append(character)
            if chunk.count >= (base64 ? 20 : 10) {
                words.append(encodedWord(chunk, charset, base64: base64))
                chunk = ""
            }
        }
        if !chunk.isEmpty { words.append(encodedWord(chunk, charset, base64: base64)) }
        return words.joined(separator: "\r\n ")
    }

    /// `=?charset?B|Q?…?=`; in Q, `_` stands for a space (RFC 2047 §4.2).
    static func encodedWord(_ text: String, _ charset: Charset, base64: Bool) -> String {
        let raw = bytes(text, charset)
        if base64 { return "=?\(charset.rawValue.uppercased())?B?\(Data(raw).base64EncodedString())?=" }
        var encoded = ""
        for byte in raw {
            switch byte {
            case 32: encoded += "_"
            case 48...57, 65...90, 97...122: encoded.unicodeScalars.append(UnicodeScalar(byte))
            default: encoded += "=" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return "=?\(charset.rawValue.uppercased())?Q?\(encoded)?="
    }

    /// RFC 2231 `name*=utf-8''…` percent-encoding for a non-ASCII filename parameter.
    static func extendedParameter(_ name: String, _ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return "\(name)=\"\(value)\"" }
        var encoded = ""
        for byte in value.utf8 {
            switch byte {
            case 48...57, 65...90, 97...122, 45, 46, 95: encoded.unicodeScalars.append(UnicodeScalar(byte))
            default: encoded += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return "\(name)*=utf-8''\(encoded)"
    }
}
