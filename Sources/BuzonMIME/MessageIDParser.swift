/// `Message-ID`, `In-Reply-To` and `References` values as lists of ids without brackets.
///
/// RFC 5322 §3.6.4: msg-id = [CFWS] "<" id-left "@" id-right ">" [CFWS];
/// in-reply-to = 1*msg-id; references = 1*msg-id. Obsolete forms (§4.5.4) allow phrases
/// between ids (`<a@b> (Ana's message of Tuesday)`). Tolerated: ids without brackets
/// (taken when they contain `@`), junk and comments between ids, duplicates kept in order.
enum MessageIDParser {
    /// At most this many ids per field: a bound for hostile `References` chains.
    static let maxIDs = 500

    /// Why in place: `References` chains hold dozens of ids on every reply; the value is read
    /// through a (bounds-checked) span of its own UTF-8 storage and an id is copied byte by
    /// byte only when it holds white space.
    static func parse(_ raw: String) -> [String] {
        let utf8 = raw.utf8
        let bytes = utf8.span
        var ids: [String] = []
        // One id per `<` in well-formed values: reserved once rather than grown id by id.
        var brackets = 0
        for index in bytes.indices where bytes[index] == ASCII.lessThan { brackets &+= 1 }
        ids.reserveCapacity(min(maxIDs, max(1, brackets)))
        var index = 0
        var bare = [UInt8]()

        func endBare() {
            if bare.contains(ASCII.at), ids.count < maxIDs {
                ids.append(String(decoding: bare, as: UTF8.self))
            }
            bare.removeAll(keepingCapacity: true)
        }

        while index < bytes.count && ids.count < maxIDs {
            let byte = bytes[index]
            if byte == ASCII.lessThan {
                endBare()
                var end = index + 1
                while end < bytes.count, bytes[end] != ASCII.greaterThan, bytes[end] != ASCII.lessThan { end += 1 }
                let inside = (index + 1)..<end
                if inside.contains(where: { ASCII.isWhitespace(bytes[$0]) }) {
                    var compact: [UInt8] = []
                    for offset in inside where !ASCII.isWhitespace(bytes[offset]) { compact.append(bytes[offset]) }
                    if !compact.isEmpty { ids.append(String(decoding: compact, as: UTF8.self)) }
                } else if !inside.isEmpty {
                    ids.append(ASCII.string(utf8, inside))
                }
                index = (end < bytes.count && bytes[end] == ASCII.greaterThan) ? end + 1 : end
                continue
            }
            if byte == ASCII.openParen {
                endBare()
                var depth = 0
                while index < bytes.count {
                    if bytes[index] == ASCII.openParen { depth += 1 }
                    if bytes[index] == ASCII.closeParen { depth -= 1; if depth == 0 { break } }
                    index += 1
                }
                index += 1
                continue
            }
            if ASCII.isWhitespace(byte) || byte == ASCII.comma || byte == ASCII.semicolon {
                endBare()
            } else {
                bare.append(byte)
            }
            index += 1
        }
        endBare()
        return ids
    }
}
