/// The header fields of one header block, in order, duplicates kept.
public struct HeaderFields: Sendable, Sequence {
    public struct Field: Sendable, Hashable {
        /// The field name as written.
        public var name: String
        /// The unfolded value, 8-bit bytes decoded (UTF-8, else windows-1252), encoded words NOT decoded.
        public var rawValue: String
        public init(name: String, rawValue: String) {
            self.name = name
            self.rawValue = rawValue
        }
    }

    public private(set) var fields: [Field]

    public init(_ fields: [Field] = []) { self.fields = fields }

    public mutating func append(_ field: Field) { fields.append(field) }

    /// The first value for `name` (case-insensitive), or nil.
    public subscript(name: String) -> String? {
        for field in fields where field.name.caseInsensitiveEquals(name) { return field.rawValue }
        return nil
    }

    /// Every value for `name` (case-insensitive), in order.
    ///
    /// Why a loop: `filter` then `map` built an array of whole fields (retaining both
    /// strings of each) only to drop it; this runs for several names on every message.
    public func values(_ name: String) -> [String] {
        var result: [String] = []
        for field in fields where field.name.caseInsensitiveEquals(name) { result.append(field.rawValue) }
        return result
    }

    /// The first value of each of `names` (case-insensitive), keyed by the spelling given,
    /// found in one pass over the fields; names absent from the block are absent here.
    ///
    /// Why: a caller asking for many names (the auto-reply detector asks for nine) would
    /// otherwise scan every field once per name.
    public func firstValues(_ names: [String]) -> [String: String] {
        // Lengths first: most fields match none of the names by length alone, which spares
        // the comparison (and the retain of each name) for nearly every pair.
        let lengths = names.map(\.utf8.count)
        var found: [String: String] = [:]
        for index in fields.indices {
            let length = fields[index].name.utf8.count
            for (position, nameLength) in lengths.enumerated() where nameLength == length {
                let name = names[position]
                if found[name] == nil && fields[index].name.caseInsensitiveEquals(name) {
                    found[name] = fields[index].rawValue
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
