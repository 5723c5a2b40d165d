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
    }

    public private(set) var fields: [Field]

    public init(_ fields: [Field] = []) { self.fields = fields }

    public mutating func append(_ field: Field) { fields.append(field) }

    /// The first value for `name` (case-insensitive), or nil.
    public subscript(name: String) -> String? {
        let key = HeaderFields.key(name)
        return fields.withUnsafeBufferPointer { fields in
            for index in fields.indices where fields[index].nameKey == key && fields[index].name.caseInsensitiveEquals(name) {
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
        let key = HeaderFields.key(name)
        var result: [String] = []
        fields.withUnsafeBufferPointer { fields in
            for index in fields.indices where fields[index].nameKey == key && fields[index].name.caseInsensitiveEquals(name) {
                result.append(fields[index].rawValue)
            }
        }
        return result
    }

    /// FNV-1a over the ASCII-lower-cased UTF-8 of a field name: equal for names that are
    /// equal ignoring ASCII case (a match is still confirmed by comparing the names).
    static func key(_ name: String) -> UInt64 {
        if let key = name.utf8.withContiguousStorageIfAvailable(key) { return key }
        return Array(name.utf8).withUnsafeBufferPointer { key($0) }
    }

    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64((byte >= 65 && byte <= 90) ? byte | 0x20 : byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The first value of each of `names` (case-insensitive), keyed by the spelling given,
    /// found in one pass over the fields; names absent from the block are absent here.
    ///
    /// Why: a caller asking for many names (the auto-reply detector asks for nine) would
    /// otherwise scan every field once per name.
    public func firstValues(_ names: [String]) -> [String: String] {
        // Keys first: most fields match none of the names by key alone, which spares the
        // comparison (and the retain of each name) for nearly every pair.
        let keys = names.map(HeaderFields.key)
        var found: [String: String] = [:]
        fields.withUnsafeBufferPointer { fields in
            for index in fields.indices {
                let key = fields[index].nameKey
                for (position, nameKey) in keys.enumerated() where nameKey == key {
                    let name = names[position]
                    if found[name] == nil && fields[index].name.caseInsensitiveEquals(name) {
                        found[name] = fields[index].rawValue
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
