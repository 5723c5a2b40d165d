/// HTML character references: named (the Latin-1 set plus the typographic ones mail
/// clients emit) and numeric, decimal or hexadecimal.
///
/// WHAT browsers do and we copy (HTML Living Standard, "Named character references" and
/// "Numeric character reference end state"):
/// - a numeric reference to 0, a surrogate or a value above U+10FFFF becomes U+FFFD;
/// - 0x80–0x9F are read as Windows-1252 (Outlook writes `&#150;` for an en dash);
/// - a few legacy names (`&amp`, `&lt`, `&gt`, `&quot`, `&nbsp`, `&copy`) work without `;`.
/// Anything else that is not a known reference stays literal text.
package enum HTMLEntities {
    /// Decodes the reference starting at `index` (which holds `&`).
    /// Returns the character and the number of bytes consumed, or nil when it is not a reference.
    package static func decode(in bytes: [UInt8], at index: Int, end: Int) -> (Unicode.Scalar, Int)? {
        var cursor = index + 1
        guard cursor < end else { return nil }
        if bytes[cursor] == UInt8(ascii: "#") { return numeric(in: bytes, at: index, end: end) }
        let nameStart = cursor
        while cursor < end, cursor - nameStart < 10, isAlphanumeric(bytes[cursor]) { cursor += 1 }
        guard cursor > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self)
        if cursor < end, bytes[cursor] == UInt8(ascii: ";"), let value = named[name], let scalar = Unicode.Scalar(value) {
            return (scalar, cursor + 1 - index)
        }
        // Legacy references without the semicolon: try the longest known legacy prefix.
        for legacy in legacyWithoutSemicolon where name.hasPrefix(legacy) {
            if let value = named[legacy], let scalar = Unicode.Scalar(value) {
                return (scalar, 1 + legacy.utf8.count)
            }
        }
        return nil
    }

    /// Decodes every reference in `slice` (attribute values).
    package static func decode(_ slice: ArraySlice<UInt8>) -> String {
        let bytes = Array(slice)
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), let (scalar, length) = decode(in: bytes, at: index, end: bytes.count) {
                out.append(contentsOf: String(Character(scalar)).utf8)
                index += length
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func numeric(in bytes: [UInt8], at index: Int, end: Int) -> (Unicode.Scalar, Int)? {
        var cursor = index + 2
        let isHex = cursor < end && (bytes[cursor] == UInt8(ascii: "x") || bytes[cursor] == UInt8(ascii: "X"))
        if isHex { cursor += 1 }
        let digitsStart = cursor
        var value: UInt32 = 0
        while cursor < end, let digit = digitValue(bytes[cursor], hex: isHex) {
            value = min(value &* (isHex ? 16 : 10) &+ digit, 0x110000)
            cursor += 1
        }
        guard cursor > digitsStart else { return nil }
        if cursor < end, bytes[cursor] == UInt8(ascii: ";") { cursor += 1 }
        return (scalar(forCodePoint: value), cursor - index)
    }

    private static func scalar(forCodePoint value: UInt32) -> Unicode.Scalar {
        if value >= 0x80, value <= 0x9F, let mapped = windows1252[value], let scalar = Unicode.Scalar(mapped) {
            return scalar
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x61...0x66 where hex: return UInt32(byte - 0x61 + 10)
        case 0x41...0x46 where hex: return UInt32(byte - 0x41 + 10)
        default: return nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        HTMLTokenizer.isLetter(byte) || (byte >= 0x30 && byte <= 0x39)
    }

    private static let legacyWithoutSemicolon = ["nbsp", "amp", "quot", "copy", "lt", "gt"]

    /// Windows-1252 meanings of the C1 range, as browsers apply them to numeric references.
    private static let windows1252: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    private static let named: [String: UInt32] = [
        "nbsp": 0x00A0, "iexcl": 0x00A1, "cent": 0x00A2, "pound": 0x00A3, "curren": 0x00A4, "yen": 0x00A5,
        "brvbar": 0x00A6, "sect": 0x00A7, "uml": 0x00A8, "copy": 0x00A9, "ordf": 0x00AA, "laquo": 0x00AB,
        "not": 0x00AC, "shy": 0x00AD, "reg": 0x00AE, "macr": 0x00AF, "deg": 0x00B0, "plusmn": 0x00B1,
        "sup2": 0x00B2, "sup3": 0x00B3, "acute": 0x00B4, "micro": 0x00B5, "para": 0x00B6, "middot": 0x00B7,
        "cedil": 0x00B8, "sup1": 0x00B9, "ordm": 0x00BA, "raquo": 0x00BB, "frac14": 0x00BC, "frac12": 0x00BD,
        "frac34": 0x00BE, "iquest": 0x00BF, "Agrave": 0x00C0, "Aacute": 0x00C1, "Acirc": 0x00C2,
        "Atilde": 0x00C3, "Auml": 0x00C4, "Aring": 0x00C5, "AElig": 0x00C6, "Ccedil": 0x00C7,
        "Egrave": 0x00C8, "Eacute": 0x00C9, "Ecirc": 0x00CA, "Euml": 0x00CB, "Igrave": 0x00CC,
        "Iacute": 0x00CD, "Icirc": 0x00CE, "Iuml": 0x00CF, "ETH": 0x00D0, "Ntilde": 0x00D1, "Ograve": 0x00D2,
        "Oacute": 0x00D3, "Ocirc": 0x00D4, "Otilde": 0x00D5, "Ouml": 0x00D6, "times": 0x00D7,
        "Oslash": 0x00D8, "Ugrave": 0x00D9, "Uacute": 0x00DA, "Ucirc": 0x00DB, "Uuml": 0x00DC,
        "Yacute": 0x00DD, "THORN": 0x00DE, "szlig": 0x00DF, "agrave": 0x00E0, "aacute": 0x00E1,
        "acirc": 0x00E2, "atilde": 0x00E3, "auml": 0x00E4, "aring": 0x00E5, "aelig": 0x00E6,
        "ccedil": 0x00E7, "egrave": 0x00E8, "eacute": 0x00E9, "ecirc": 0x00EA, "euml": 0x00EB,
        "igrave": 0x00EC, "iacute": 0x00ED, "icirc": 0x00EE, "iuml": 0x00EF, "eth": 0x00F0, "ntilde": 0x00F1,
        "ograve": 0x00F2, "oacute": 0x00F3, "ocirc": 0x00F4, "otilde": 0x00F5, "ouml": 0x00F6,
        "divide": 0x00F7, "oslash": 0x00F8, "ugrave": 0x00F9, "uacute": 0x00FA, "ucirc": 0x00FB,
        "uuml": 0x00FC, "yacute": 0x00FD, "thorn": 0x00FE, "yuml": 0x00FF, "amp": 0x0026, "lt": 0x003C,
        "gt": 0x003E, "quot": 0x0022, "apos": 0x0027, "hellip": 0x2026, "ndash": 0x2013, "mdash": 0x2014,
        "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E,
        "bull": 0x2022, "euro": 0x20AC, "trade": 0x2122, "dagger": 0x2020, "Dagger": 0x2021,
        "permil": 0x2030, "lsaquo": 0x2039, "rsaquo": 0x203A, "OElig": 0x0152, "oelig": 0x0153,
        "Scaron": 0x0160, "scaron": 0x0161, "Yuml": 0x0178, "fnof": 0x0192, "circ": 0x02C6, "tilde": 0x02DC,
        "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "zwnj": 0x200C, "zwj": 0x200D, "lrm": 0x200E,
        "rlm": 0x200F, "prime": 0x2032, "Prime": 0x2033, "larr": 0x2190, "rarr": 0x2192, "uarr": 0x2191,
        "darr": 0x2193, "harr": 0x2194, "minus": 0x2212, "check": 0x2713
    ]
}
