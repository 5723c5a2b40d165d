/// A fixed set of short lower-case ASCII names (HTML tag names) to values, looked up without
/// hashing a `String`: the name's bytes (at most 16) are packed into two words, which index
/// an open-addressed table by multiplicative hashing. The renderer looks up every tag of
/// every HTML body; a `Dictionary<String, _>` spent more time seeding and running SipHash
/// than the renderer spent on the tag itself.
struct ShortNameTable<Value: Sendable>: Sendable {
    private struct Packed: Equatable, Sendable {
        var low: UInt64
        var high: UInt64
    }

    private var keys: [Packed?]
    private var values: [Value?]
    private let shift: UInt64

    /// `entries` must have distinct names of 1–16 bytes.
    init(_ entries: [(String, Value)]) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 4 { bits += 1 }
        shift = 64 - bits
        keys = Array(repeating: nil, count: 1 << bits)
        values = Array(repeating: nil, count: 1 << bits)
        for (name, value) in entries {
            guard let packed = ShortNameTable.pack(name) else { preconditionFailure("\(name): not a short name") }
            var slot = slotOf(packed)
            while keys[slot] != nil { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = packed
            values[slot] = value
        }
    }

    func value(for name: String) -> Value? {
        ShortNameTable.pack(name).flatMap(value(for:))
    }

    /// The value for the ASCII-lower-cased `bytes`, without making a `String` of them.
    func value(lowercasing bytes: Span<UInt8>) -> Value? {
        guard var packed = ShortNameTable.pack(bytes) else { return nil }
        packed.low = HeaderFields.lowercased(packed.low)
        packed.high = HeaderFields.lowercased(packed.high)
        return value(for: packed)
    }

    private func value(for packed: Packed) -> Value? {
        var slot = slotOf(packed)
        while let key = keys[slot] {
            if key == packed { return values[slot] }
            slot = (slot &+ 1) & (keys.count &- 1)
        }
        return nil
    }

    private func slotOf(_ packed: Packed) -> Int {
        Int(truncatingIfNeeded: ((packed.low ^ (packed.high &* 0x9E37_79B9)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The name's bytes, little-endian, in two words; nil for the empty name or one longer than 16 bytes.
    private static func pack(_ name: String) -> Packed? {
        pack(name.utf8.span)
    }

    private static func pack(_ bytes: Span<UInt8>) -> Packed? {
        guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
        var packed = Packed(low: 0, high: 0)
        for offset in bytes.indices {
            let byte = bytes[offset]
            if offset < 8 {
                packed.low |= UInt64(byte) << (8 * UInt64(offset))
            } else {
                packed.high |= UInt64(byte) << (8 * UInt64(offset - 8))
            }
        }
        return packed
    }
}
