/// The charset an HTML body declares for itself, for HTML parts whose `Content-Type` has none.
///
/// HTML Living Standard §4.2.5.4: `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`, within the first
/// 1024 bytes. We look for `charset=` there (any case, quoted or not) and read the name.
enum HTMLMetaCharset {
    static let window = 1024

    static func find(in body: [UInt8]) -> String? {
        let prefix = body.prefix(window)
        let key = Array("charset".utf8)
        var index = prefix.startIndex
        while index + key.count < prefix.endIndex {
            defer { index += 1 }
            guard ASCII.lower(prefix[index]) == key[0] else { continue }
            guard zip(prefix[index..<(index + key.count)], key).allSatisfy({ ASCII.lower($0) == $1 }) else { continue }
            var cursor = index + key.count
            while cursor < prefix.endIndex, ASCII.isWhitespace(prefix[cursor]) { cursor += 1 }
            guard cursor < prefix.endIndex, prefix[cursor] == ASCII.equals else { continue }
            cursor += 1
            while cursor < prefix.endIndex, ASCII.isWhitespace(prefix[cursor]) || prefix[cursor] == ASCII.quote || prefix[cursor] == 0x27 {
                cursor += 1
            }
            let start = cursor
            while cursor < prefix.endIndex, isNameByte(prefix[cursor]) { cursor += 1 }
            if cursor > start { return String(decoding: prefix[start..<cursor], as: UTF8.self) }
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        ASCII.isAlpha(byte) || ASCII.isDigit(byte) || byte == ASCII.dash || byte == ASCII.underscore
            || byte == ASCII.colon || byte == 0x2E
    }
}
