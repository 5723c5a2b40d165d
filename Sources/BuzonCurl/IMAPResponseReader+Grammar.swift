/// The response grammar of RFC 3501 §9 for the responses Buzón uses.
extension IMAPResponseReader {
    /// `response = continue-req / response-data / response-tagged`.
    mutating func response() throws(IMAPProtocolError) -> IMAPResponse {
        switch peek {
        case UInt8(ascii: "+"):
            advance()
            if peek == 0x20 { advance() }
            return .continuation(restOfLine())
        case UInt8(ascii: "*"):
            advance()
            try space("after '*'")
            return .untagged(try untagged())
        default:
            let tag = try atom("tag")
            try space("after the tag")
            let keyword = try atom("status").uppercased()
            guard let condition = IMAPStatus.Condition(rawValue: keyword),
                  condition == .ok || condition == .no || condition == .bad else {
                throw fail("tagged response with status \(keyword)")
            }
            return .tagged(tag: tag, try status(condition))
        }
    }

    /// `resp-text = ["[" resp-text-code "]" SP] text`.
    mutating func status(_ condition: IMAPStatus.Condition) throws(IMAPProtocolError) -> IMAPStatus {
        if peek == 0x20 { advance() }
        var code: IMAPResponseCode?
        var rest = restOfLine()
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            code = Self.responseCode(String(rest[rest.index(after: rest.startIndex) ..< close]))
            rest = String(rest[rest.index(after: close)...])
            if rest.hasPrefix(" ") { rest.removeFirst() }
        }
        return IMAPStatus(condition: condition, code: code, text: rest)
    }

    static func responseCode(_ text: String) -> IMAPResponseCode {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        let name = parts.first?.uppercased() ?? ""
        let argument = parts.count > 1 ? parts[1] : ""
        switch name {
        case "UIDVALIDITY": if let n = UInt32(argument) { return .uidValidity(n) }
        case "UIDNEXT": if let n = UInt32(argument) { return .uidNext(n) }
        case "TRYCREATE": return .tryCreate
        case "ALREADYEXISTS": return .alreadyExists
        case "UNAVAILABLE", "INUSE", "LIMIT", "SERVERBUG": return .temporary(name)
        case "CAPABILITY": return .capability(capabilities(argument))
        default: break
        }
        return .other(text)
    }

    static func capabilities(_ text: String) -> Set<String> {
        Set(text.split(separator: " ").map { $0.uppercased() })
    }

    /// `response-data = "*" SP (resp-cond-state / resp-cond-bye / mailbox-data / message-data /
    /// capability-data) CRLF`.
    mutating func untagged() throws(IMAPProtocolError) -> IMAPUntagged {
        if let byte = peek, (0x30 ... 0x39).contains(byte) {
            let number = Int(try number("message number"))
            try space("after the message number")
            let keyword = try atom("message data").uppercased()
            switch keyword {
            case "EXISTS": return .exists(number)
            case "EXPUNGE": return .expunge(number)
            case "FETCH":
                try space("after FETCH")
                return .fetch(sequence: number, try fetchItems())
            default: return .other(keyword)
            }
        }
        let keyword = try atom("response keyword").uppercased()
        if let condition = IMAPStatus.Condition(rawValue: keyword) {
            return .status(try status(condition))
        }
        switch keyword {
        case "CAPABILITY":
            return .capability(Self.capabilities(restOfLine()))
        case "SEARCH":
            var uids: [UInt32] = []
            while peek == 0x20 {
                advance()
                if peek == UInt8(ascii: "(") { break }  // RFC 7162 (MODSEQ n): not asked for
                uids.append(try number("SEARCH result"))
            }
            return .search(uids)
        default:
            return .other(keyword)
        }
    }

    /// `msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP …) ")"`.
    mutating func fetchItems() throws(IMAPProtocolError) -> IMAPFetchItems {
        var items = IMAPFetchItems()
        try expect(UInt8(ascii: "("), "opening the FETCH items")
        var first = true
        while peek != UInt8(ascii: ")") {
            if !first { try space("between FETCH items") }
            first = false
            let name = try atom("FETCH item name").uppercased()
            try space("after \(name)")
            switch name {
            case "UID": items.uid = try number("UID")
            case "RFC822.SIZE": items.size = Int(try number("RFC822.SIZE"))
            case "FLAGS": items.flags = try flagList()
            default:
                if name.hasPrefix("BODY[]") {
                    items.body = try nstring("BODY[]")  // NIL: the server has no body to give
                    items.bodyOrigin = Self.origin(of: name)
                } else {
                    try skipValue(name)
                }
            }
        }
        try expect(UInt8(ascii: ")"), "closing the FETCH items")
        try expectEnd("the FETCH items")
        return items
    }

    /// `BODY[]<0>` → 0.
    static func origin(of name: String) -> Int? {
        guard let open = name.firstIndex(of: "<"), name.hasSuffix(">") else { return nil }
        return Int(name[name.index(after: open) ..< name.index(before: name.endIndex)])
    }

    /// `flag-list = "(" [flag *(SP flag)] ")"`.
    mutating func flagList() throws(IMAPProtocolError) -> [String] {
        try expect(UInt8(ascii: "("), "opening FLAGS")
        var flags: [String] = []
        while peek != UInt8(ascii: ")") {
            if !flags.isEmpty { try space("between flags") }
            flags.append(try atom("flag"))
        }
        advance()
        return flags
    }
}
