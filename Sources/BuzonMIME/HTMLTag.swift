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

    /// The value of the attribute `name` (lower-case ASCII), entity-decoded; nil when absent.
    /// An attribute without a value gives the empty string.
    package func attribute(_ name: String, in bytes: [UInt8]) -> String? {
        let wanted = Array(name.utf8)
        var index = attributes.lowerBound
        let end = attributes.upperBound
        while index < end {
            while index < end, HTMLTokenizer.isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            let nameStart = index
            while index < end, !HTMLTokenizer.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                  bytes[index] != UInt8(ascii: "/") || index == nameStart {
                index += 1
            }
            let isWanted = HTMLTag.equalsLowercased(bytes[nameStart..<index], wanted)
            while index < end, HTMLTokenizer.isSpace(bytes[index]) { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: "=") else {
                if isWanted { return "" }
                continue
            }
            index += 1
            while index < end, HTMLTokenizer.isSpace(bytes[index]) { index += 1 }
            let value = valueRange(from: &index, end: end, bytes: bytes)
            if isWanted { return HTMLEntities.decode(bytes[value]) }
        }
        return nil
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

    private static func equalsLowercased(_ slice: ArraySlice<UInt8>, _ wanted: [UInt8]) -> Bool {
        guard slice.count == wanted.count else { return false }
        return zip(slice, wanted).allSatisfy { HTMLTokenizer.lower($0) == $1 }
    }

    /// True when the `class` attribute lists `token` (whitespace-separated, case-sensitive as in HTML).
    package func hasClass(_ token: String, in bytes: [UInt8]) -> Bool {
        guard let classes = attribute("class", in: bytes) else { return false }
        return classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .contains { $0 == token }
    }
}
