import Glibc

/// Byte-level helpers shared by the header, parameter and body parsers. Mail syntax is
/// ASCII, so the parsers work on bytes and only build `String`s for values they return.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let comma: UInt8 = 0x2C
    static let dash: UInt8 = 0x2D
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let lessThan: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let greaterThan: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
    static let at: UInt8 = 0x40
    static let backslash: UInt8 = 0x5C
    static let underscore: UInt8 = 0x5F

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == cr || byte == lf
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inline(__always)
    static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// Value of one hex digit (either case), or nil.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte &- 0x30
        case 0x41...0x46: return byte &- 0x37
        case 0x61...0x66: return byte &- 0x57
        default: return nil
        }
    }

    /// The string lower-cased in ASCII only, trimmed of surrounding whitespace.
    /// Trimmed and lower-cased, written straight into the string's storage (no array between:
    /// this runs for every MIME type, parameter name and date token).
    static func lowercasedToken<C: BidirectionalCollection>(_ bytes: C) -> String where C.Element == UInt8 {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isWhitespace(bytes[start]) { bytes.formIndex(after: &start) }
        while end > start, isWhitespace(bytes[bytes.index(before: end)]) { bytes.formIndex(before: &end) }
        return lowercased(bytes[start..<end])
    }

    /// `range` without leading and trailing white space.
    static func trimmedRange(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        trimmedRange(bytes.span, range)
    }

    /// The bytes at `offsets` of `utf8` decoded as a `String` (what a span-reading parser
    /// returns: offsets into the value's own storage, no copy of the whole value). O(1) to
    /// find on a native string; a sequence cut at either end becomes U+FFFD.
    static func string(_ utf8: String.UTF8View, _ offsets: Range<Int>) -> String {
        let start = utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)
        let end = utf8.index(start, offsetBy: offsets.count)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// The bytes with ASCII letters lower-cased (nothing trimmed), as a `String` written in
    /// place: no array between, and short results stay in the string's inline storage.
    static func lowercased<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            for byte in bytes {
                buffer[count] = lower(byte)
                count += 1
            }
            return count
        }
    }

    /// Removes the CR of every CRLF pair. Transport line ends of text are not content:
    /// the same mail stored with LF or CRLF must decode to the same bytes.
    static func normalizingLineEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let base = bytes.baseAddress, memchr(base, Int32(cr), bytes.count) != nil else {
            return Array(bytes)
        }
        return [UInt8](unsafeUninitializedCapacity: bytes.count) { out, count in
            var written = 0
            var index = 0
            let total = bytes.count
            while index < total {
                let byte = bytes[index]
                if byte == cr, index + 1 < total, bytes[index + 1] == lf {
                    index += 1
                    continue
                }
                out[written] = byte
                written += 1
                index += 1
            }
            count = written
        }
    }

    static func normalizingLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { normalizingLineEnds($0) }
    }

    /// True when every byte is below 0x80.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        // Eight bytes at a time: the high bits of all of them at once.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                    return false
                }
                index += 8
            }
        }
        while index < count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}
