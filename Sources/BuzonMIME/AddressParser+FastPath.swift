/// The common shapes of an address list read straight from the header's UTF-8 bytes.
///
/// Why: `parse` copies the value into an array and builds a `String` for every word,
/// then joins them again; that was ~6% of a text-only parse. Nearly all real lists are
/// `Name <addr>` or `addr` items separated by commas, so those are read here with one
/// `String` per name and per address. Contract: the result equals `parse`'s for every
/// input it accepts; anything unusual (quotes, comments, groups, `\`, route addresses,
/// items without `<…>` that are not one word with an `@`, text after `>`) returns nil
/// and the general parser decides, with its diagnostics.
///
/// Read through a bounds-checked `Span` of the value's own UTF-8 storage (no copy); the
/// `String`s it returns are decoded from slices of the same `utf8` view.
extension AddressParser {
    static func parseCommonForm(_ raw: String, diagnostics: inout [Diagnostic]) -> [Address]? {
        let utf8 = raw.utf8
        let bytes = utf8.span
        var commas = 0
        for index in bytes.indices {
            let byte = bytes[index]
            if isUnusual(byte) { return nil }
            if byte == ASCII.comma { commas &+= 1 }
        }
        // Diagnostics of a list later found unusual must not be reported twice.
        var local: [Diagnostic] = []
        var addresses: [Address] = []
        addresses.reserveCapacity(commas &+ 1)
        var start = 0
        while start <= bytes.count {
            guard let (item, next) = commonItem(utf8, bytes, from: start, diagnostics: &local) else { return nil }
            if let item { addresses.append(item) }
            start = next + 1
        }
        diagnostics.append(contentsOf: local)
        return addresses
    }

    /// Bytes that make the general parser do more than split words.
    private static func isUnusual(_ byte: UInt8) -> Bool {
        byte == ASCII.quote || byte == ASCII.openParen || byte == ASCII.colon
            || byte == ASCII.semicolon || byte == ASCII.backslash
    }

    /// One item from `start` to its comma (or the end), as the general parser's `finish`
    /// would build it: `.some(nil)` for an empty item, nil when the item is unusual.
    /// Returns the index of the comma that ended it (or `bytes.count`).
    private static func commonItem(_ utf8: String.UTF8View, _ bytes: Span<UInt8>, from start: Int,
                                   diagnostics: inout [Diagnostic]) -> (Address?, Int)? {
        var index = start
        while index < bytes.count, bytes[index] != ASCII.comma, bytes[index] != ASCII.lessThan,
              bytes[index] != ASCII.greaterThan { index += 1 }
        let nameEnd = index
        guard index < bytes.count, bytes[index] == ASCII.lessThan else {
            guard index == bytes.count || bytes[index] == ASCII.comma else { return nil }
            return bareAddress(utf8, bytes, start..<nameEnd).map { ($0, index) }
        }
        let angleStart = index + 1
        index = angleStart
        while index < bytes.count, bytes[index] != ASCII.greaterThan, bytes[index] != ASCII.lessThan { index += 1 }
        guard index < bytes.count, bytes[index] == ASCII.greaterThan else { return nil }
        let inner = ASCII.trimmedRange(bytes, angleStart..<index)
        // `<@relay:user@host>` is a route: the general parser strips it.
        guard inner.isEmpty || bytes[inner.lowerBound] != ASCII.at else { return nil }
        index += 1
        while index < bytes.count, ASCII.isWhitespace(bytes[index]) { index += 1 }
        guard index == bytes.count || bytes[index] == ASCII.comma else { return nil }
        let address = ASCII.string(utf8, inner)
        let joined = joinedWords(utf8, bytes, start..<nameEnd)
        let name = joined.isEmpty ? nil : EncodedWordDecoder.decode(joined, diagnostics: &diagnostics)
        if address.isEmpty && name == nil { return (nil, index) }
        return (Address(name: name, address: address), index)
    }

    /// An item without `<…>`: empty, or one word holding an `@` (the address, no name).
    /// `.some(nil)` when empty; nil when the general parser must decide.
    private static func bareAddress(_ utf8: String.UTF8View, _ bytes: Span<UInt8>, _ range: Range<Int>) -> Address?? {
        let word = ASCII.trimmedRange(bytes, range)
        if word.isEmpty { return .some(nil) }
        var hasAt = false
        for index in word {
            if ASCII.isWhitespace(bytes[index]) { return nil }
            if bytes[index] == ASCII.at { hasAt = true }
        }
        guard hasAt else { return nil }
        return Address(address: ASCII.string(utf8, word))
    }

    /// The words of `range` joined by single spaces, as `words.joined(separator: " ")` gives.
    private static func joinedWords(_ utf8: String.UTF8View, _ bytes: Span<UInt8>, _ range: Range<Int>) -> String {
        let words = ASCII.trimmedRange(bytes, range)
        var collapsed = true
        var previousSpace = false
        for index in words {
            let space = ASCII.isWhitespace(bytes[index])
            if space && (previousSpace || bytes[index] != ASCII.space) { collapsed = false; break }
            previousSpace = space
        }
        if collapsed { return ASCII.string(utf8, words) }
        var out = [UInt8]()
        out.reserveCapacity(words.count)
        for index in words {
            if ASCII.isWhitespace(bytes[index]) {
                if out.last != ASCII.space { out.append(ASCII.space) }
            } else {
                out.append(bytes[index])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
