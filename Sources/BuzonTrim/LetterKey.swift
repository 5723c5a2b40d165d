/// The letters-only form used to compare marker, separator and footer lines tolerantly.
///
/// Why: desks rewrap and re-punctuate the gateway's marker (`##-`, `—–####`, spaces, a `> `
/// quote prefix), and mail clients swap dashes or accents. Comparing only letters and digits,
/// case-folded with Latin accents removed, makes all those variants the same key:
/// `"##- Por favor, escriba su respuesta por encima de esta línea -##"` →
/// `"porfavorescribasurespuestaporencimadeestalinea"`.
///
/// Works on UTF-8 bytes: ASCII and Latin-1 letters (all of Spanish and Portuguese) take a
/// table lookup; other scripts go through `Unicode.Scalar.Properties`, which is rare and slower.
enum LetterKey {
    static func of(_ text: String) -> [UInt8] {
        of(Array(text.utf8)[...])
    }

    static func of(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { append($0, to: &key) }
        return key
    }

    /// Appends the key of `bytes` to `key`, so the keys of many lines can share one buffer.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to key: inout [UInt8]) {
        _ = forEachKeyByte(of: bytes) { byte in
            key.append(byte)
            return true
        }
    }

    /// Writes the key of `bytes` into `out` from `count` on, advancing `count`. False when
    /// `out` is full: keys are never longer than their text except for the rare lower-case
    /// mappings that grow (İ → i̇), so a buffer sized like the text almost always fits, and
    /// writing through it avoids `Array.append`'s checks on every byte (`ReplyText` keys
    /// every line of every body).
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                      count: inout Int) -> Bool {
        withFolding { write(bytes, into: out, count: &count, folding: $0) }
    }

    /// The folding tables, opened once for many `write`s (`ReplyText` keys every line).
    /// Its pointers are valid only inside the `withFolding` call that made it: it must not
    /// be stored or returned from there.
    struct Folding {
        fileprivate let ascii: UnsafeBufferPointer<UInt8>
        fileprivate let latin1: UnsafeBufferPointer<UInt8>
    }

    static func withFolding<Result>(_ body: (Folding) -> Result) -> Result {
        asciiFolding.withUnsafeBufferPointer { ascii in
            latin1Folding.withUnsafeBufferPointer { latin1 in body(Folding(ascii: ascii, latin1: latin1)) }
        }
    }

    /// `write` with the tables already open.
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                      count: inout Int, folding: Folding) -> Bool {
        // Fast path: ASCII takes one table load per byte and Latin-1 letters (á, ñ, Ç: two
        // bytes, C2/C3 lead) one more; neither needs a capacity check, since their key is
        // never longer than their bytes. Other characters go one at a time through the
        // checked path (their lower-case mapping may be longer, after which the room left
        // is checked again).
        guard let source = bytes.baseAddress, let target = out.baseAddress, count + bytes.count <= out.count else {
            return writeChecked(bytes, into: out, count: &count)
        }
        let ascii = folding.ascii, latin1 = folding.latin1
        var index = 0
        while index < bytes.count {
            let byte = source[index]
            if byte < 0x80 {
                let folded = ascii[Int(byte)]
                target[count] = folded
                count &+= folded == 0 ? 0 : 1
                index &+= 1
                continue
            }
            if byte == 0xC3, index &+ 1 < bytes.count, source[index &+ 1] & 0xC0 == 0x80 {
                // U+00C0…U+00FF: the letters of Spanish and Portuguese.
                let folded = latin1[Int(source[index &+ 1] & 0x3F)]
                if folded != UInt8(ascii: "*") {
                    target[count] = folded
                    count &+= 1
                }
                index &+= 2
                continue
            }
            if byte == 0xC2, index &+ 1 < bytes.count, source[index &+ 1] & 0xC0 == 0x80 {
                index &+= 2   // U+0080…U+00BF: symbols (¡ ¿ « » no-break space), never letters
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            let end = min(bytes.count, index &+ length)
            guard writeChecked(UnsafeBufferPointer(rebasing: bytes[index..<end]), into: out, count: &count) else {
                return false
            }
            index = end
            // A mapping that grew (İ → i̇) may have used the room the fast path counts on.
            if count &+ (bytes.count &- index) > out.count {
                return writeChecked(UnsafeBufferPointer(rebasing: bytes[index...]), into: out, count: &count)
            }
        }
        return true
    }

    /// `write` one byte at a time, checking the room left before each byte.
    private static func writeChecked(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                                     count: inout Int) -> Bool {
        forEachKeyByte(of: bytes) { byte in
            guard count < out.count else { return false }
            out[count] = byte
            count += 1
            return true
        }
    }

    /// ASCII letters and digits to their key byte (lower case), everything else to 0.
    private static let asciiFolding: [UInt8] = (0..<128).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x61...0x7A, 0x30...0x39: UInt8(byte)
        case 0x41...0x5A: UInt8(byte + 0x20)
        default: 0
        }
    }

    /// Calls `emit` with each byte of the key of `bytes`, stopping when it returns false.
    @inline(__always)
    private static func forEachKeyByte(of bytes: UnsafeBufferPointer<UInt8>, _ emit: (UInt8) -> Bool) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                    guard emit(byte) else { return false }
                } else if (0x41...0x5A).contains(byte) {
                    guard emit(byte + 0x20) else { return false }
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            guard length > 1, index + length <= bytes.count else {
                index += 1
                continue
            }
            var value = UInt32(byte) & (0xFF >> (length + 1))
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            guard emitFolded(value, emit) else { return false }
            index += length
        }
        return true
    }

    @inline(__always)
    private static func emitFolded(_ value: UInt32, _ emit: (UInt8) -> Bool) -> Bool {
        // Latin-1 symbols (¡ ¿ « » no-break space) and general punctuation (– — ‘ ’ “ ”) are
        // frequent in mail and never letters: skip them before the slow property lookup.
        if (0x80...0xBF).contains(value) || (0x2000...0x206F).contains(value) { return true }
        if (0xC0...0xFF).contains(value) {
            let folded = latin1Folding[Int(value - 0xC0)]
            return folded == UInt8(ascii: "*") || emit(folded)
        }
        if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic {
            for byte in scalar.properties.lowercaseMapping.utf8 where !emit(byte) { return false }
        }
        return true
    }

    /// Base letters for U+00C0…U+00FF (`*` = not a letter: × and ÷).
    private static let latin1Folding: [UInt8] = Array(
        "aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo*ouuuuyty".utf8)
}
