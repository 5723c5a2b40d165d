/// The single-byte charsets common in Spanish mail, decoded by table instead of iconv.
///
/// ISO-8859-1 is decoded as windows-1252, as the WHATWG Encoding Standard does: mail labelled
/// Latin-1 that contains bytes 0x80–0x9F was written by Windows (curly quotes, €, …), and
/// the C1 control characters ISO-8859-1 would give are never what the sender meant.
enum SingleByteCharset {
    case windows1252
    /// ISO-8859-15 (Latin-9): Latin-1 with € and a few letters replaced.
    case latin9

    /// windows-1252 0x80–0x9F. The five undefined positions map to the C1 control of the
    /// same value, as WHATWG does, so no byte is ever lost.
    static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The Unicode scalar for one byte.
    @inline(__always)
    func scalar(for byte: UInt8, table: UnsafeBufferPointer<UInt16>) -> UInt32 {
        switch self {
        case .windows1252:
            if byte >= 0x80 && byte < 0xA0 { return UInt32(table[Int(byte &- 0x80)]) }
            return UInt32(byte)
        case .latin9:
            switch byte {
            case 0xA4: return 0x20AC
            case 0xA6: return 0x0160
            case 0xA8: return 0x0161
            case 0xB4: return 0x017D
            case 0xB8: return 0x017E
            case 0xBC: return 0x0152
            case 0xBD: return 0x0153
            case 0xBE: return 0x0178
            default: return UInt32(byte)
            }
        }
    }

    /// Decodes every byte; never fails (every byte has a meaning in these charsets).
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if ASCII.isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        let utf8 = SingleByteCharset.windows1252High.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: bytes.count &* 3) { out, count in
                var written = 0
                for byte in bytes {
                    if byte < 0x80 {
                        out[written] = byte
                        written &+= 1
                        continue
                    }
                    let value = scalar(for: byte, table: table)
                    if value < 0x800 {
                        out[written] = UInt8(0xC0 | (value >> 6))
                        out[written &+ 1] = UInt8(0x80 | (value & 0x3F))
                        written &+= 2
                    } else {
                        out[written] = UInt8(0xE0 | (value >> 12))
                        out[written &+ 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
                        out[written &+ 2] = UInt8(0x80 | (value & 0x3F))
                        written &+= 3
                    }
                }
                count = written
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
