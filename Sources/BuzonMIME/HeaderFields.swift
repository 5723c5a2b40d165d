/// The header fields of one header block, in order, duplicates kept.
public struct HeaderFields: Sendable, Sequence {
    public struct Field: Sendable, Hashable {
        /// The field name as written.
        public var name: String {
            didSet { nameKey = HeaderFields.key(name) }
        }
        /// The unfolded value, 8-bit bytes decoded (UTF-8, else windows-1252), encoded words NOT decoded.
        public var rawValue: String
        /// `HeaderFields.key(name)`, computed once: lookups compare it first.
        fileprivate private(set) var nameKey: UInt64

        public init(name: String, rawValue: String) {
            self.init(name: name, rawValue: rawValue, nameKey: HeaderFields.key(name))
        }

        /// For the header parser, which has the name's bytes at hand: `nameKey` must be
        /// `HeaderFields.key` of them.
        init(name: String, rawValue: String, nameKey: UInt64) {
            self.name = name
            self.rawValue = rawValue
            self.nameKey = nameKey
        }

        /// Whether this field is `name` (ASCII case ignored), `key` being `HeaderFields.key(name)`:
        /// the integer decides nearly every mismatch before any byte of the names is compared.
        @inline(__always)
        fileprivate func isNamed(_ name: String, key: UInt64) -> Bool {
            nameKey == key && self.name.caseInsensitiveEquals(name)
        }
    }

    public private(set) var fields: [Field]

    public init(_ fields: [Field] = []) { self.fields = fields }

    public mutating func append(_ field: Field) { fields.append(field) }

    /// Room for `count` fields: the parser reserves a typical block's worth once instead of
    /// growing the array field by field.
    mutating func reserveCapacity(_ count: Int) { fields.reserveCapacity(count) }

    /// The first value for `name` (case-insensitive), or nil.
    public subscript(name: String) -> String? {
        let key = HeaderFields.key(name)
        return fields.withUnsafeBufferPointer { fields in
            for index in fields.indices where fields[index].isNamed(name, key: key) {
                return fields[index].rawValue
            }
            return nil
        }
    }

    /// Every value for `name` (case-insensitive), in order.
    ///
    /// Why the keys: the parser looks up a dozen names in every header block, and comparing
    /// a precomputed integer per field neither touches (retains) the field's strings nor
    /// compares their bytes; only a field whose key matches is compared by name.
    public func values(_ name: String) -> [String] {
        var result: [String] = []
        forEachValue(name) { result.append($0) }
        return result
    }

    /// Calls `body` with every value for `name` (case-insensitive), in order, without
    /// collecting them into an array first (most names occur once).
    public func forEachValue(_ name: String, _ body: (String) -> Void) {
        let key = HeaderFields.key(name)
        fields.withUnsafeBufferPointer { fields in
            for index in fields.indices where fields[index].isNamed(name, key: key) {
                body(fields[index].rawValue)
            }
        }
    }

    /// A hash of the ASCII-lower-cased UTF-8 of a field name: equal for names that are equal
    /// ignoring ASCII case (a match is still confirmed by comparing the names).
    static func key(_ name: String) -> UInt64 {
        if let key = name.utf8.withContiguousStorageIfAvailable(key) { return key }
        return Array(name.utf8).withUnsafeBufferPointer { key($0) }
    }

    /// Eight bytes per step, lower-cased all at once: every lookup hashes its name
    /// (`Content-Transfer-Encoding` is 25 bytes), and a byte-at-a-time hash was 1.5 % of a
    /// text-only parse. Equal names (ignoring ASCII case) get equal keys; different names
    /// rarely share one (each step is injective for a given state, as the multiplier is odd,
    /// and the length is mixed in first so the zero padding of the last word counts), and
    /// when they do, the name comparison that confirms every match tells them apart.
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        let raw = UnsafeRawBufferPointer(bytes)
        var offset = 0
        while offset + 8 <= raw.count {
            hash = mix(hash, lowercased(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        if offset < raw.count {
            var tail: UInt64 = 0
            for index in offset..<raw.count { tail |= UInt64(raw[index]) << (8 * UInt64(index - offset)) }
            hash = mix(hash, lowercased(tail))
        }
        return hash
    }

    @inline(__always)
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let product = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product >> 32)
    }

    /// Each byte of `word` in `A`…`Z` gets its 0x20 bit: a byte's low seven bits plus 0x3F
    /// reach bit 7 exactly when they are ≥ 0x41, plus 0x25 when they are ≥ 0x5B, and no sum
    /// carries into the next byte; bytes with bit 7 set are left alone.
    @inline(__always)
    static func lowercased(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = word & (0x7F &* ones)
        let atLeastA = low &+ (0x3F &* ones)
        let pastZ = low &+ (0x25 &* ones)
        let upper = atLeastA & ~pastZ & ~word & (0x80 &* ones)
        return word | (upper >> 2)
    }

    /// A fixed list of field names with their lookup keys computed once: callers that ask
    /// for the same names in every message keep one in a `static let`.
    public struct NameList: Sendable {
        public let names: [String]
        fileprivate let keys: [UInt64]

        public init(_ names: [String]) {
            self.names = names
            keys = names.map(HeaderFields.key)
        }
    }

    /// The first value of each of `list`'s names (case-insensitive), by position in the
    /// list (nil when the block has no such field), found in one pass over the fields.
    ///
    /// Why: a caller asking for many names (the auto-reply detector asks for nine) would
    /// otherwise scan every field once per name; positions instead of a dictionary keyed by
    /// name spare hashing the names of every message.
    public func firstValues(_ list: NameList) -> [String?] {
        var found = [String?](repeating: nil, count: list.names.count)
        // Keys first: most fields match none of the names by key alone, which spares the
        // comparison (and the retain of each name) for nearly every pair.
        fields.withUnsafeBufferPointer { fields in
            list.keys.withUnsafeBufferPointer { keys in
                for index in fields.indices {
                    for position in keys.indices where found[position] == nil
                        && fields[index].isNamed(list.names[position], key: keys[position]) {
                        found[position] = fields[index].rawValue
                    }
                }
            }
        }
        return found
    }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }
    public var count: Int { fields.count }
}

extension String {
    /// ASCII case-insensitive comparison, enough for header names and MIME tokens.
    /// Works on the contiguous UTF-8 storage when there is one (native strings): header
    /// lookups run for every field of every part, so this is on the parse hot path.
    @inlinable
    public func caseInsensitiveEquals(_ other: String) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        let fast = a.withContiguousStorageIfAvailable { left in
            b.withContiguousStorageIfAvailable { right in
                for index in 0..<left.count where left[index] != right[index] {
                    let x = left[index], y = right[index]
                    let lx = (x >= 65 && x <= 90) ? x | 0x20 : x
                    let ly = (y >= 65 && y <= 90) ? y | 0x20 : y
                    if lx != ly { return false }
                }
                return true
            }
        }
        if let result = fast ?? nil { return result }
        for (x, y) in zip(a, b) where x != y {
            let lx = (x >= 65 && x <= 90) ? x | 0x20 : x
            let ly = (y >= 65 && y <= 90) ? y | 0x20 : y
            if lx != ly { return false }
        }
        return true
    }
}
