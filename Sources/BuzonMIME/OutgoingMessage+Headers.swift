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
        let replyTokens = inReplyTo.compactMap(Self.threadingToken)
        if !replyTokens.isEmpty {
            fields.append(OutgoingHeaderFolder.fold(name: "In-Reply-To", tokens: replyTokens))
        }
        let referenceTokens = references.compactMap(Self.threadingToken)
        if !referenceTokens.isEmpty {
            fields.append(OutgoingHeaderFolder.fold(name: "References", tokens: referenceTokens))
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
    /// or a second `@`; the brackets are added here. Only for the Message-ID Buzón writes
    /// itself: a bad one is a bug or a bad configured domain, and is refused.
    private func idToken(_ id: String, field: String) throws -> String {
        let parts = id.split(separator: "@", omittingEmptySubsequences: false)
        let valid = parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && Self.isWritableID(id)
        guard valid else { throw Error.invalidMessageID(field: field, id: id) }
        return "<\(id)>"
    }

    /// An id for `In-Reply-To` or `References`, bracketed, or nil when it cannot be written.
    ///
    /// These ids come from the customer's mail, and real mailers send ids RFC 5322 does not
    /// allow (`<sinarroba.123>`, `<a@b@c>`, non-ASCII, kilobytes long). Refusing the whole
    /// message for one of them would roll back the decision that queued it (the ticket never
    /// opens, `deliver` exits 75 forever) or make every reply on the ticket fail. So an id
    /// that is one printable ASCII token without `<`, `>` and of at most 250 bytes is written
    /// as it came, `@` or not (mail clients thread on the exact string, and such a token
    /// cannot break the header); any other is dropped. Threading is a courtesy: the ticket
    /// reference in the subject still threads the customer's answer.
    static func threadingToken(_ id: String) -> String? {
        isWritableID(id) ? "<\(id)>" : nil
    }

    /// Printable US-ASCII without space, `<` or `>`, 1 to 250 bytes: safe inside `<…>` on a
    /// folded header line (RFC 5322 §2.1.1: a line is at most 998 octets).
    private static func isWritableID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 250
            && id.utf8.allSatisfy { $0 > 32 && $0 < 127 && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
    }
}
