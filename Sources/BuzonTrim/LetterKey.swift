import BuzonMIME

/// The letters-only form used to compare marker, separator and footer lines tolerantly.
///
/// Why: desks rewrap and re-punctuate the gateway's marker (`##-`, `—–####`, spaces, a `> `
/// quote prefix), and mail clients swap dashes or accents. Comparing only letters and digits,
/// case-folded with Latin accents removed, makes all those variants the same key:
/// `"##- Por favor, escriba su respuesta por encima de esta línea -##"` →
/// `"porfavorescribasurespuestaporencimadeestalinea"`.
///
/// Works on UTF-8 bytes: ASCII and Latin-1 letters (all of Spanish and Portuguese) take a
/// table lookup (the Latin-1 table is `LatinFolding`, shared with the keyword matching of
/// `BuzonTickets`); other scripts go through `Unicode.Scalar.Properties`, which is rare and slower.
enum LetterKey {
    static func of(_ text: String) -> [UInt8] {
        of(Array(text.utf8)[...])
    }

    static func of(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count)
        append(bytes.span, to: &key)
        return key
    }

    /// Appends the key of `bytes` to `key`, so the keys of many lines can share one buffer.
    static func append(_ bytes: Span<UInt8>, to key: inout [UInt8]) {
        _ = forEachKeyByte(of: bytes) { byte in
            key.append(byte)
            return true
        }
    }

    /// Appends the key of `bytes` to `out`. False when `out` is full: keys are never longer
    /// than their text except for the rare lower-case mappings that grow (İ → i̇), so a buffer
    /// sized like the text almost always fits (`ReplyText` keys every line of every body into
    /// one such buffer).
    static func write(_ bytes: Span<UInt8>, into out: inout OutputSpan<UInt8>) -> Bool {
        // Fast path: ASCII takes one table load per byte and Latin-1 letters (á, ñ, Ç: two
        // bytes, C2/C3 lead) one more; neither needs a look at the room left, since their key
        // is never longer than their bytes. Other characters go one at a time through the
        // checked path (their lower-case mapping may be longer, after which the room left
        // is looked at again).
        guard out.freeCapacity >= bytes.count else { return writeChecked(bytes, into: &out) }
        let latinTable = LatinFolding.table
        let ascii = asciiFolding.span, latin1 = latinTable.span
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                let folded = ascii[Int(byte)]
                if folded != 0 { out.append(folded) }
                index &+= 1
                continue
            }
            if byte == 0xC3, index &+ 1 < bytes.count, bytes[index &+ 1] & 0xC0 == 0x80 {
                // U+00C0…U+00FF: the letters of Spanish and Portuguese.
                if let folded = LatinFolding.keyLetter(latin1[Int(bytes[index &+ 1] & 0x3F)]) {
                    out.append(folded)
                }
                index &+= 2
                continue
            }
            if byte == 0xC2, index &+ 1 < bytes.count, bytes[index &+ 1] & 0xC0 == 0x80 {
                index &+= 2   // U+0080…U+00BF: symbols (¡ ¿ « » no-break space), never letters
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            let end = min(bytes.count, index &+ length)
            guard writeChecked(bytes.extracting(index..<end), into: &out) else { return false }
            index = end
            // A mapping that grew (İ → i̇) may have used the room the fast path counts on.
            if out.freeCapacity < bytes.count &- index {
                return writeChecked(bytes.extracting(index...), into: &out)
            }
        }
        return true
    }

    /// `write` one byte at a time, looking at the room left before each byte.
    private static func writeChecked(_ bytes: Span<UInt8>, into out: inout OutputSpan<UInt8>) -> Bool {
        forEachKeyByte(of: bytes) { byte in
            guard out.freeCapacity > 0 else { return false }
            out.append(byte)
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
    private static func forEachKeyByte(of bytes: Span<UInt8>, _ emit: (UInt8) -> Bool) -> Bool {
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
            guard let folded = LatinFolding.keyLetter(LatinFolding.table[Int(value - 0xC0)]) else { return true }
            return emit(folded)
        }
        if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic {
            for byte in scalar.properties.lowercaseMapping.utf8 where !emit(byte) { return false }
        }
        return true
    }
}
