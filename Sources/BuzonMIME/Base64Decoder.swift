/// Lenient base64 (RFC 2045 §6.8) straight into a preallocated buffer.
///
/// RFC 2045 §6.8: "Any characters outside of the base64 alphabet are to be ignored in
/// base64-encoded data." We go further for real mail: any line length, missing `=` padding,
/// and `=` in the middle are tolerated; garbage is skipped and reported.
enum Base64Decoder {
    /// 0–63 for alphabet bytes, `skip` for whitespace and `=`, `junk` for everything else.
    static let skip: UInt8 = 0x40
    static let junk: UInt8 = 0x80
    static let table: [UInt8] = {
        var table = [UInt8](repeating: junk, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        for byte in [ASCII.space, ASCII.tab, ASCII.cr, ASCII.lf, ASCII.equals, 0x0B, 0x0C] { table[Int(byte)] = skip }
        // URL-safe alphabet, seen from some webmail exports.
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// modp_b64's layout: one table per position of the quantum, values already shifted
    /// into place (big-endian output order), so a quantum is four loads ORed together;
    /// any byte outside the alphabet sets bit 24 or above.
    static let positionTables: [UInt32] = {
        var tables = [UInt32](repeating: 0x0100_0000, count: 4 * 256)
        for byte in 0..<256 where table[byte] < 64 {
            let value = UInt32(table[byte])
            tables[byte] = value << 18
            tables[256 + byte] = value << 12
            tables[512 + byte] = value << 6
            tables[768 + byte] = value
        }
        return tables
    }()

    struct Result {
        var bytes: [UInt8]
        /// Bytes that were neither alphabet, whitespace nor padding.
        var junkCount: Int
        /// A single dangling sextet at the end (6 bits cannot make a byte).
        var danglingBits: Bool
    }

    /// Where decoding stands: read and write offsets and the sextets of an unfinished quantum.
    private struct Cursor {
        var index = 0
        var written = 0
        var accumulator: UInt32 = 0
        var pending = 0
        var junkCount = 0
    }

    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> Result {
        var cursor = Cursor()
        var dangling = false
        // One byte of slack: the hot loop stores 4 bytes to write 3.
        let capacity = input.count / 4 &* 3 &+ 4
        let bytes = table.withUnsafeBufferPointer { lookup in positionTables.withUnsafeBufferPointer { positions in
            [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
                guard let source = input.baseAddress, let dest = out.baseAddress, let map = lookup.baseAddress,
                      let shifted = positions.baseAddress else {
                    count = 0
                    return
                }
                let total = input.count
                while cursor.index < total {
                    if cursor.pending == 0 {
                        decodeQuanta(source, total, dest, shifted, &cursor)
                        if cursor.index >= total { break }
                    }
                    decodeByte(source, dest, map, &cursor)
                }
                dangling = finish(dest, &cursor)
                count = cursor.written
            }
        } }
        return Result(bytes: bytes, junkCount: cursor.junkCount, danglingBits: dangling)
    }

    /// The hot loop: four alphabet bytes at a time while the input is aligned on quanta
    /// (a whole base64 line); stops at the first byte outside the alphabet. Four loads from
    /// the position tables, one check, one 32-bit store (the output has a byte of slack).
    @inline(__always)
    private static func decodeQuanta(_ source: UnsafePointer<UInt8>, _ total: Int, _ dest: UnsafeMutablePointer<UInt8>,
                                     _ shifted: UnsafePointer<UInt32>, _ cursor: inout Cursor) {
        var index = cursor.index
        var written = cursor.written
        let raw = UnsafeMutableRawPointer(dest)
        while index &+ 4 <= total {
            let value = shifted[Int(source[index])] | shifted[256 &+ Int(source[index &+ 1])]
                | shifted[512 &+ Int(source[index &+ 2])] | shifted[768 &+ Int(source[index &+ 3])]
            if value >= 0x0100_0000 { break }
            raw.storeBytes(of: (value << 8).bigEndian, toByteOffset: written, as: UInt32.self)
            written &+= 3
            index &+= 4
        }
        cursor.index = index
        cursor.written = written
    }

    /// One byte the slow way: line breaks, padding, junk, and quanta split by them.
    @inline(__always)
    private static func decodeByte(_ source: UnsafePointer<UInt8>, _ dest: UnsafeMutablePointer<UInt8>,
                                   _ map: UnsafePointer<UInt8>, _ cursor: inout Cursor) {
        let sextet = map[Int(source[cursor.index])]
        cursor.index &+= 1
        if sextet < 64 {
            cursor.accumulator = cursor.accumulator << 6 | UInt32(sextet)
            cursor.pending &+= 1
            if cursor.pending == 4 {
                dest[cursor.written] = UInt8(truncatingIfNeeded: cursor.accumulator >> 16)
                dest[cursor.written &+ 1] = UInt8(truncatingIfNeeded: cursor.accumulator >> 8)
                dest[cursor.written &+ 2] = UInt8(truncatingIfNeeded: cursor.accumulator)
                cursor.written &+= 3
                cursor.pending = 0
                cursor.accumulator = 0
            }
        } else if sextet == junk {
            cursor.junkCount &+= 1
        }
    }

    /// Missing padding: 2 or 3 leftover sextets still carry 1 or 2 whole bytes.
    /// - Returns: true when a single sextet (6 bits, no whole byte) was left over.
    private static func finish(_ dest: UnsafeMutablePointer<UInt8>, _ cursor: inout Cursor) -> Bool {
        switch cursor.pending {
        case 2:
            dest[cursor.written] = UInt8(truncatingIfNeeded: cursor.accumulator >> 4)
            cursor.written &+= 1
        case 3:
            dest[cursor.written] = UInt8(truncatingIfNeeded: cursor.accumulator >> 10)
            dest[cursor.written &+ 1] = UInt8(truncatingIfNeeded: cursor.accumulator >> 2)
            cursor.written &+= 2
        case 1:
            return true
        default:
            break
        }
        return false
    }

    static func decode(_ input: [UInt8]) -> Result {
        input.withUnsafeBufferPointer { decode($0) }
    }
}
