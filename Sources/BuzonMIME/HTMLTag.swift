/// One start or end tag found by `HTMLTokenizer`; attributes are parsed only when asked for,
/// because almost every tag in mail HTML is rendered without looking at them.
package struct HTMLTag {
    /// Lower-cased tag name (`div`, `o:p`).
    package var name: String
    package var isEnd: Bool
    package var isSelfClosing: Bool
    /// Bytes of the whole tag, `<` to `>` inclusive.
    package var range: Range<Int>
    /// Bytes between the name and the closing `>`.
    package var attributes: Range<Int>

    /// Whether the tag is `other` (lower-case). Lengths first: most comparisons fail, and a
    /// failing `==` between two small strings is a library call; this runs on every tag.
    @inline(__always)
    package func hasName(_ other: String) -> Bool {
        name.utf8.count == other.utf8.count && name == other
    }

    /// The value of the attribute `name` (lower-case ASCII), entity-decoded; nil when absent.
    /// An attribute without a value gives the empty string.
    package func attribute(_ name: String, in bytes: [UInt8]) -> String? {
        valueRange(of: Array(name.utf8), in: bytes).map { HTMLEntities.decode(bytes[$0]) }
    }

    /// The raw (undecoded) value bytes of attribute `name` (lower-case ASCII), without allocating.
    package func valueRange(of name: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
        var found: Range<Int>?
        forEachAttribute(in: bytes) { nameRange, value in
            guard HTMLTag.equalsLowercased(bytes[nameRange], name) else { return true }
            found = value
            return false
        }
        return found
    }

    /// Calls `body` with each attribute's name and raw value ranges until it returns false.
    package func forEachAttribute(in bytes: [UInt8], _ body: (Range<Int>, Range<Int>) -> Bool) {
        var index = attributes.lowerBound
        let end = attributes.upperBound
        while index < end {
            while index < end, HTMLTokenizer.isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            let nameStart = index
            while index < end, !HTMLTokenizer.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                  bytes[index] != UInt8(ascii: "/") || index == nameStart {
                index += 1
            }
            let nameRange = nameStart..<index
            while index < end, HTMLTokenizer.isSpace(bytes[index]) { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: "=") else {
                if !nameRange.isEmpty, !body(nameRange, index..<index) { return }
                continue
            }
            index += 1
            while index < end, HTMLTokenizer.isSpace(bytes[index]) { index += 1 }
            let value = valueRange(from: &index, end: end, bytes: bytes)
            if !body(nameRange, value) { return }
        }
    }

    private func valueRange(from index: inout Int, end: Int, bytes: [UInt8]) -> Range<Int> {
        guard index < end else { return index..<index }
        let quote = bytes[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let start = index + 1
            index = start
            while index < end, bytes[index] != quote { index += 1 }
            let range = start..<index
            if index < end { index += 1 }
            return range
        }
        let start = index
        while index < end, !HTMLTokenizer.isSpace(bytes[index]) { index += 1 }
        return start..<index
    }

    package static func equalsLowercased(_ slice: ArraySlice<UInt8>, _ wanted: [UInt8]) -> Bool {
        guard slice.count == wanted.count else { return false }
        return zip(slice, wanted).allSatisfy { HTMLTokenizer.lower($0) == $1 }
    }
}
