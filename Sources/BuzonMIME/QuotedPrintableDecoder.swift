/// Quoted-printable (RFC 2045 §6.7) straight into a preallocated buffer.
///
/// RFC 2045 §6.7: (1) "=" followed by two hexadecimal digits represents that octet;
/// (3) "any TAB or SPACE characters on an encoded line MUST [be deleted] ... when decoding";
/// (5) an "=" at the end of an encoded line is a soft line break. Its §6.7 note allows a
/// robust decoder to accept lowercase hex and to keep an "=" that starts no valid sequence
/// literally, which is what we do (reporting it). Line breaks come out as LF.
enum QuotedPrintableDecoder {
    struct Result {
        var bytes: [UInt8]
        /// Number of `=` that started neither a hex pair nor a soft break (kept literally).
        var invalidEscapes: Int
    }

    /// `wordAtATime: false` takes every byte through the byte path, which is the reference
    /// the tests hold the word loop to.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, wordAtATime: Bool = true) -> Result {
        var invalid = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: input.count) { out, count in
            guard let source = input.baseAddress, let dest = out.baseAddress else {
                count = 0
                return
            }
            let total = input.count
            var index = 0
            var written = 0
            // Output before this length came from escapes and must not be trimmed as trailing space.
            var protected = 0
            let input = UnsafeRawPointer(source)
            let output = UnsafeMutableRawPointer(dest)
            while index < total {
                // Eight plain bytes (no `=`, CR or LF) at a time: most of a line is plain text.
                // A word holding a special byte still gives the plain bytes before it (the
                // whole word is stored, only those count): Spanish text has an `=XX` every
                // few words, and the byte path would otherwise take every byte up to it.
                while wordAtATime && index &+ 8 <= total {
                    let word = input.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let special = specialBytes(UInt64(littleEndian: word))
                    output.storeBytes(of: word, toByteOffset: written, as: UInt64.self)
                    if special == 0 {
                        written &+= 8
                        index &+= 8
                        continue
                    }
                    let plain = special.trailingZeroBitCount &>> 3
                    written &+= plain
                    index &+= plain
                    break
                }
                guard index < total else { break }
                let byte = source[index]
                if byte != ASCII.equals && byte != ASCII.lf && byte != ASCII.cr {
                    dest[written] = byte
                    written &+= 1
                    index &+= 1
                    continue
                }
                if byte == ASCII.lf || (byte == ASCII.cr && index &+ 1 < total && source[index &+ 1] == ASCII.lf) {
                    while written > protected && (dest[written &- 1] == ASCII.space || dest[written &- 1] == ASCII.tab) {
                        written &-= 1
                    }
                    dest[written] = ASCII.lf
                    written &+= 1
                    index &+= byte == ASCII.cr ? 2 : 1
                    protected = written
                    continue
                }
                if byte == ASCII.cr {
                    dest[written] = byte
                    written &+= 1
                    index &+= 1
                    continue
                }
                // byte == "="
                if index &+ 2 < total, let high = ASCII.hexValue(source[index &+ 1]),
                   let low = ASCII.hexValue(source[index &+ 2]) {
                    dest[written] = high << 4 | low
                    written &+= 1
                    index &+= 3
                    protected = written
                    continue
                }
                // Soft line break: "=" then optional transport padding then the line end (or the end).
                var look = index &+ 1
                while look < total && (source[look] == ASCII.space || source[look] == ASCII.tab) { look &+= 1 }
                if look >= total {
                    index = total
                    continue
                }
                if source[look] == ASCII.lf {
                    index = look &+ 1
                    continue
                }
                if source[look] == ASCII.cr && look &+ 1 < total && source[look &+ 1] == ASCII.lf {
                    index = look &+ 2
                    continue
                }
                invalid &+= 1
                dest[written] = ASCII.equals
                written &+= 1
                index &+= 1
                protected = written
            }
            count = written
        }
        return Result(bytes: bytes, invalidEscapes: invalid)
    }

    /// The high bit of each byte of `word` (little-endian) that may be `=`, CR or LF, zero
    /// when there is none: a byte equal to `c` is a zero byte of `word ^ (c × 0x01…01)`, and
    /// `(v − 0x01…01) & ~v & 0x80…80` flags the zero bytes of `v`. Borrows can flag bytes
    /// above a real zero byte, never below one, so the lowest flag is exact.
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let equals = word ^ (ones &* UInt64(ASCII.equals))
        let lf = word ^ (ones &* UInt64(ASCII.lf))
        let cr = word ^ (ones &* UInt64(ASCII.cr))
        let zero = ((equals &- ones) & ~equals) | ((lf &- ones) & ~lf) | ((cr &- ones) & ~cr)
        return zero & highs
    }

    static func decode(_ input: [UInt8]) -> Result {
        input.withUnsafeBufferPointer { decode($0) }
    }

    /// RFC 2047 §4.2 "Q" encoding: quoted-printable where "_" stands for space (0x20) and
    /// there are no line breaks. Invalid "=" sequences are kept literally.
    static func decodeQ<Input: RandomAccessCollection>(_ input: Input) -> [UInt8] where Input.Element == UInt8, Input.Index == Int {
        var out = [UInt8]()
        out.reserveCapacity(input.count)
        var index = input.startIndex
        while index < input.endIndex {
            let byte = input[index]
            if byte == ASCII.underscore {
                out.append(ASCII.space)
            } else if byte == ASCII.equals, index + 2 < input.endIndex,
                      let high = ASCII.hexValue(input[index + 1]), let low = ASCII.hexValue(input[index + 2]) {
                out.append(high << 4 | low)
                index += 3
                continue
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }
}
