/// The top-level header fields Buzón needs, decoded.
extension MessageParser {
    func readEnvelope(into message: inout Message, diagnostics: inout [Diagnostic]) {
        let headers = message.headers
        if let raw = headers["Message-ID"] { message.messageID = MessageIDParser.parse(raw).first }
        message.inReplyTo = gather(headers, "In-Reply-To", MessageIDParser.parse)
        message.references = gather(headers, "References", MessageIDParser.parse)
        message.fromAll = addresses(headers, "From", &diagnostics)
        message.from = message.fromAll.first
        message.to = addresses(headers, "To", &diagnostics)
        message.cc = addresses(headers, "Cc", &diagnostics)
        message.replyTo = addresses(headers, "Reply-To", &diagnostics)
        message.sender = addresses(headers, "Sender", &diagnostics).first
        if message.from == nil, let sender = message.sender {
            message.from = sender
            message.fromAll = [sender]
        }
        if let raw = headers["Return-Path"] { message.returnPath = returnPath(raw, &diagnostics) }
        if let raw = headers["Subject"] { message.subject = EncodedWordDecoder.decode(raw, diagnostics: &diagnostics) }
        if let raw = headers["Date"] {
            message.date = DateParser.parse(raw)
            if message.date == nil {
                diagnostics.append(Diagnostic(.malformedDate, "unreadable Date \"\(raw.prefix(80))\"; date left empty"))
            }
        }
    }

    /// Every mailbox of every field named `name` (duplicated `To` fields are both read).
    private func addresses(_ headers: HeaderFields, _ name: String, _ diagnostics: inout [Diagnostic]) -> [Address] {
        gather(headers, name) { AddressParser.parse($0, diagnostics: &diagnostics) }
    }

    /// What `read` makes of every field named `name`, in order. A single field's result is
    /// returned as it is: `values(name).flatMap(read)` built two more arrays per header.
    private func gather<Item>(_ headers: HeaderFields, _ name: String, _ read: (String) -> [Item]) -> [Item] {
        var result: [Item] = []
        var isFirst = true
        headers.forEachValue(name) { value in
            if isFirst {
                result = read(value)
                isFirst = false
            } else {
                result += read(value)
            }
        }
        return result
    }

    /// RFC 5321 §4.4: Return-Path: <reverse-path>; `<>` is the null path of bounces → "".
    private func returnPath(_ raw: String, _ diagnostics: inout [Diagnostic]) -> String {
        if isNullPath(raw) { return "" }
        return AddressParser.parse(raw, diagnostics: &diagnostics).first?.address ?? ""
    }

    /// True when `raw` is empty or `<>` once white space is removed.
    ///
    /// Why bytes first: `Character.isWhitespace` looks up Unicode properties for every
    /// character of every message's Return-Path. An ASCII value (nearly all) is decided on
    /// its bytes, where white space is exactly TAB…CR and SPACE; anything else keeps the
    /// Unicode-aware `Character` check, so the result is the same either way.
    private func isNullPath(_ raw: String) -> Bool {
        let ascii: Bool? = raw.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 < 0x80 }
        }
        guard ascii == true else {
            let compact = raw.filter { !$0.isWhitespace }
            return compact == "<>" || compact.isEmpty
        }
        var kept = 0
        var matches = true
        for byte in raw.utf8 where byte != 0x20 && !(0x09...0x0D).contains(byte) {
            matches = matches && kept < 2 && byte == (kept == 0 ? UInt8(ascii: "<") : UInt8(ascii: ">"))
            kept += 1
        }
        return kept == 0 || (kept == 2 && matches)
    }
}
