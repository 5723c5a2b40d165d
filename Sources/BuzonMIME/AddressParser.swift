/// RFC 5322 address lists, leniently.
///
/// RFC 5322 §3.4: address = mailbox / group; mailbox = name-addr / addr-spec;
/// name-addr = [display-name] angle-addr; group = display-name ":" [group-list] ";".
/// §4.4 obsolete forms: route addresses `<@relay,@relay:user@host>` (the route is dropped),
/// `user@host (Name)` (the comment becomes the name when there is no other).
/// Best effort for what real mail sends: missing angle brackets (`Ana Pérez ana@x.com`),
/// broken quoting (an unterminated `"` is read as plain text), unquoted commas in names
/// (`Pérez, Ana <ana@x.com>`: the orphan words join the next mailbox's name), bare local
/// parts (`MAILER-DAEMON`, or a lone word at the end of the list: `From: root`). Display names have RFC 2047 encoded words decoded.
enum AddressParser {
    /// One mailbox being assembled.
    private struct Item {
        var words: [String] = []
        var angle: String?
        var comments: [String] = []
        var isEmpty: Bool { words.isEmpty && angle == nil }
    }

    static func parse(_ raw: String, diagnostics: inout [Diagnostic]) -> [Address] {
        if let common = parseCommonForm(raw, diagnostics: &diagnostics) { return common }
        return parseGeneral(raw, diagnostics: &diagnostics)
    }

    /// The full grammar, for every form the byte fast path declines (and, in tests, as the
    /// reference the fast path must agree with).
    static func parseGeneral(_ raw: String, diagnostics: inout [Diagnostic]) -> [Address] {
        let bytes = Array(raw.utf8)
        var addresses: [Address] = []
        var item = Item()
        var orphanWords: [String] = []
        var index = 0
        var word = [UInt8]()

        func endWord() {
            if !word.isEmpty { item.words.append(String(decoding: word, as: UTF8.self)) }
            word.removeAll()
        }
        func endItem() {
            endWord()
            if let address = finish(item, orphanWords: &orphanWords, diagnostics: &diagnostics) {
                addresses.append(address)
            }
            item = Item()
        }

        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case ASCII.quote:
                if let (text, next) = quoted(bytes, from: index) {
                    endWord()
                    item.words.append(text)
                    index = next
                    continue
                }
                // Unterminated quote: drop the stray `"` and read the rest as plain words.
                diagnostics.append(Diagnostic(.malformedAddress, "unterminated quote in address list"))
            case ASCII.openParen:
                endWord()
                let (text, next) = comment(bytes, from: index)
                item.comments.append(text)
                index = next
                continue
            case ASCII.lessThan:
                endWord()
                var end = index + 1
                while end < bytes.count, bytes[end] != ASCII.greaterThan { end += 1 }
                item.angle = stripRoute(String(decoding: bytes[(index + 1)..<end], as: UTF8.self))
                index = end + 1
                continue
            case ASCII.comma, ASCII.semicolon:
                endItem()
            case ASCII.colon where item.angle == nil && !wordHasAt(word) && !item.words.contains(where: hasAt):
                // A group's display name: the mailboxes follow, the name itself is not an address.
                word.removeAll()
                item = Item()
                orphanWords.removeAll()
            default:
                if ASCII.isWhitespace(byte) { endWord() } else { word.append(byte) }
            }
            index += 1
        }
        endItem()
        if orphanWords.count == 1, let local = orphanWords.first {
            // A lone word at the end (`From: root`, `To: soporte`) is a local address, not a name.
            diagnostics.append(Diagnostic(.malformedAddress, "address without a domain: \(local)"))
            addresses.append(Address(address: local.trimmingQuotes()))
        } else if !orphanWords.isEmpty {
            diagnostics.append(Diagnostic(.malformedAddress, "words without an address ignored: \(orphanWords.joined(separator: " "))"))
        }
        return addresses
    }

    private static func wordHasAt(_ word: [UInt8]) -> Bool { word.contains(ASCII.at) }
    private static func hasAt(_ word: String) -> Bool { word.utf8.contains(ASCII.at) }

    /// Turns the collected words into a mailbox, or keeps them as orphans for the next one.
    private static func finish(_ item: Item, orphanWords: inout [String], diagnostics: inout [Diagnostic]) -> Address? {
        if item.isEmpty { return nil }
        var words = item.words
        var address: String
        if let angle = item.angle {
            address = angle
        } else if let at = words.lastIndex(where: hasAt) {
            address = words.remove(at: at)
            if !words.isEmpty {
                diagnostics.append(Diagnostic(.malformedAddress, "address without angle brackets: \(address)"))
            }
        } else if words.count == 1, isBareLocalPart(words[0]) {
            // A bare local part such as `MAILER-DAEMON` or `postmaster`.
            address = words[0]
            words = []
        } else {
            // No address here: probably the first half of a name with an unquoted comma.
            orphanWords.append(contentsOf: words)
            return nil
        }
        address = address.trimmingQuotes()
        var nameWords = orphanWords + words
        orphanWords.removeAll()
        if nameWords.isEmpty, item.angle == nil, let comment = item.comments.first {
            nameWords = [comment]
        }
        let joined = nameWords.joined(separator: " ").trimmingQuotes()
        let name = joined.isEmpty ? nil : EncodedWordDecoder.decode(joined, diagnostics: &diagnostics)
        if address.isEmpty && name == nil { return nil }
        return Address(name: name, address: address)
    }

    /// Local parts that legitimately appear without a domain in `From` / `Return-Path`.
    private static func isBareLocalPart(_ word: String) -> Bool {
        let lower = word.lowercased()
        return lower == "mailer-daemon" || lower == "postmaster" || lower == "root"
    }

    /// `@a,@b:user@host` → `user@host` (RFC 5322 §4.4 obs-route).
    private static func stripRoute(_ text: String) -> String {
        let trimmed = text.trimmingQuotes()
        guard trimmed.hasPrefix("@"), let colon = trimmed.lastIndex(of: ":") else { return trimmed }
        return String(trimmed[trimmed.index(after: colon)...])
    }

    /// A quoted-string from the `"` at `start`; nil when it is never closed.
    private static func quoted(_ bytes: [UInt8], from start: Int) -> (String, Int)? {
        var out = [UInt8]()
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.quote { return (String(decoding: out, as: UTF8.self), index + 1) }
            if byte == ASCII.backslash, index + 1 < bytes.count { index += 1 }
            out.append(bytes[index])
            index += 1
        }
        return nil
    }

    /// A comment from the `(` at `start`, nesting honoured (RFC 5322 §3.2.2), to its `)` or the end.
    private static func comment(_ bytes: [UInt8], from start: Int) -> (String, Int) {
        var depth = 0
        var out = [UInt8]()
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.backslash, index + 1 < bytes.count {
                out.append(bytes[index + 1])
                index += 2
                continue
            }
            if byte == ASCII.openParen {
                depth += 1
                if depth > 1 { out.append(byte) }
            } else if byte == ASCII.closeParen {
                depth -= 1
                if depth == 0 { return (String(decoding: out, as: UTF8.self), index + 1) }
                out.append(byte)
            } else {
                out.append(byte)
            }
            index += 1
        }
        return (String(decoding: out, as: UTF8.self), index)
    }
}
