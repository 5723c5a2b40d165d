extension OutgoingMessage {
    /// The top-level header fields, each already folded, without CRLF; MIME fields excluded.
    func headerFields() throws -> [String] {
        var fields = [
            OutgoingHeaderFolder.fold(name: "Date", tokens: [OutgoingMessage.rfc5322Date(date)]),
            try addressField("From", [from]),
        ]
        if !to.isEmpty { fields.append(try addressField("To", to)) }
        if !cc.isEmpty { fields.append(try addressField("Cc", cc)) }
        if !replyTo.isEmpty { fields.append(try addressField("Reply-To", replyTo)) }
        fields.append(OutgoingHeaderFolder.fold(
            name: "Subject",
            tokens: OutgoingHeaderText.unstructuredTokens(subject, firstTokenRoom: OutgoingHeaderFolder.firstTokenRoom(name: "Subject"))))
        fields.append(OutgoingHeaderFolder.fold(name: "Message-ID", tokens: [try idToken(messageID, field: "Message-ID")]))
        if !inReplyTo.isEmpty {
            fields.append(OutgoingHeaderFolder.fold(name: "In-Reply-To", tokens: try inReplyTo.map { try idToken($0, field: "In-Reply-To") }))
        }
        if !references.isEmpty {
            fields.append(OutgoingHeaderFolder.fold(name: "References", tokens: try references.map { try idToken($0, field: "References") }))
        }
        fields.append("MIME-Version: 1.0")
        for header in extraHeaders {
            fields.append(try extraField(name: header.name, value: header.value))
        }
        return fields
    }

    /// `Name: a <x@y>, "B, Jr." <z@w>` — one address per token group, folded between them.
    private func addressField(_ name: String, _ addresses: [Address]) throws -> String {
        var tokens: [String] = []
        for (index, address) in addresses.enumerated() {
            let spec = try OutgoingMessage.validatedAddress(address.address, field: name)
            let separator = index < addresses.count - 1 ? "," : ""
            let phrase = OutgoingHeaderText.phraseTokens(address.name ?? "")
            if phrase.isEmpty {
                tokens.append(spec + separator)
            } else {
                tokens += phrase
                tokens.append("<\(spec)>" + separator)
            }
        }
        return OutgoingHeaderFolder.fold(name: name, tokens: tokens)
    }

    private func extraField(name: String, value: String) throws -> String {
        guard !name.isEmpty, name.utf8.count <= 76, name.utf8.allSatisfy({ $0 >= 33 && $0 <= 126 && $0 != UInt8(ascii: ":") }) else {
            throw Error.invalidHeaderName(name)
        }
        if OutgoingMessage.reservedNames.contains(name.lowercased()) { throw Error.reservedHeaderName(name) }
        let room = OutgoingHeaderFolder.firstTokenRoom(name: name)
        return OutgoingHeaderFolder.fold(name: name, tokens: OutgoingHeaderText.unstructuredTokens(value, firstTokenRoom: room))
    }

    static let reservedNames: Set<String> = [
        "date", "from", "sender", "to", "cc", "bcc", "reply-to", "subject", "message-id", "in-reply-to",
        "references", "mime-version", "content-type", "content-transfer-encoding", "content-disposition",
    ]

    /// RFC 5322 §3.4.1 addr-spec, restricted to the dot-atom form: atext runs separated by
    /// single dots on both sides of one `@`. Quoted local parts and domain literals are
    /// legal but never needed by a help desk, and refusing them closes every injection path.
    /// Surrounding spaces and tabs (not CR or LF) are forgiven; non-ASCII (EAI) addresses
    /// are refused, since Buzón does not negotiate SMTPUTF8.
    static func validatedAddress(_ raw: String, field: String) throws -> String {
        let address = String(raw.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, address.utf8.count <= 254,
              isDotAtom(parts[0], allowed: OutgoingHeaderText.isAtext),
              isDotAtom(parts[1], allowed: isDomainByte) else {
            throw Error.invalidAddress(field: field, address: raw)
        }
        return address
    }

    private static func isDotAtom(_ text: Substring, allowed: (UInt8) -> Bool) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return !text.isEmpty && labels.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy(allowed) }
    }

    private static func isDomainByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "-")
    }

    /// RFC 5322 §3.6.4 msg-id `<id-left@id-right>`: printable ASCII without spaces, `<`, `>`
    /// or a second `@`; the brackets are added here.
    private func idToken(_ id: String, field: String) throws -> String {
        let parts = id.split(separator: "@", omittingEmptySubsequences: false)
        let valid = parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && id.utf8.count <= 250
            && id.utf8.allSatisfy { $0 > 32 && $0 < 127 && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
        guard valid else { throw Error.invalidMessageID(field: field, id: id) }
        return "<\(id)>"
    }
}
