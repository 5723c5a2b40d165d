/// Writes a synthetic inbox like a Spanish-speaking support desk's, reproducible from a seed.
///
/// Mix (per message, independently drawn): 60% new requests and 40% replies quoting the
/// desk's acknowledgement Gmail- or Outlook-style; about 55% multipart/alternative (text +
/// HTML); about 25% with one base64 attachment of 20 KB–2 MB (log-uniform, mostly small);
/// bodies in UTF-8, ISO-8859-1 or windows-1252, quoted-printable, 8bit or base64; encoded-word
/// subjects and names; about 1.5% bounces and 1% out-of-office replies; about 3% with a defect
/// (no closing boundary, bad base64, raw 8-bit headers). CRLF line endings throughout.
struct CorpusGenerator {
    var random: SplitMix64
    /// Seconds since 1970 of the next message; advances a few minutes per message.
    var clock = 1_793_606_400
    var sequence = 0

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    mutating func next() -> GeneratedMessage {
        sequence += 1
        clock += random.between(30, 900)
        let roll = random.unit()
        if roll < 0.015 { return bounce() }
        if roll < 0.025 { return autoReply() }
        let isReply = random.chance(0.4)
        let defect: GeneratedMessage.Defect? = random.chance(0.03) ? random.pick(GeneratedMessage.Defect.allCases) : nil
        let attach = random.chance(0.25) || defect == .badBase64 || defect == .missingClosingBoundary
        return humanMessage(isReply: isReply, attach: attach, defect: defect)
    }

    /// A request or a reply, assembled from a body, an optional attachment and the headers.
    mutating func humanMessage(isReply: Bool, attach: Bool, defect: GeneratedMessage.Defect?) -> GeneratedMessage {
        let sender = SpanishText.person(&random)
        let ticket = "OP\(random.between(10_000, 19_999))"
        let topic = random.pick(SpanishText.subjects)
        let content = isReply ? replyContent(sender: sender, ticket: ticket, topic: topic)
                              : requestContent(sender: sender)
        var root = bodyPart(content)
        if attach {
            var attachment = attachmentPart()
            if defect == .badBase64 { attachment.body = Self.corruptBase64(attachment.body) }
            root = MailPart(multipart: "mixed", boundary: boundary(), children: [root, attachment])
            root.closed = defect != .missingClosingBoundary
        }
        let subject = isReply ? "\(random.pick(["Re:", "RE:", "Re: RE:"])) [\(ticket)] \(topic)" : topic
        var headers = envelope(from: sender, subject: subject, rawSubject: defect == .eightBitHeader)
        if isReply { headers += threading(ticket: ticket) }
        root.headers = headers + root.headers
        var bytes: [UInt8] = []
        root.render(into: &bytes)
        return GeneratedMessage(kind: isReply ? .reply : .request, defect: defect, hasAttachment: attach, bytes: bytes)
    }

    /// The top header block: trace fields, originator, destination, identity, MIME version.
    mutating func envelope(from sender: SpanishText.Person, subject: String, rawSubject: Bool) -> [[UInt8]] {
        let date = SpanishDate(epochSeconds: clock).rfc5322
        let gmail = sender.address.hasSuffix("gmail.com")
        let charset: MailEncoding.Charset = random.chance(0.7) ? .utf8 : .latin1
        var lines: [String] = [
            "Return-Path: <\(sender.address)>",
            "Received: from mail-\(hex(4)).\(gmail ? "google.com" : "protection.outlook.com") ([\(ip())])\r\n"
                + "\tby mx.empresa.com (Postfix) with ESMTPS id \(hex(10).uppercased())\r\n"
                + "\tfor <soporte@empresa.com>; \(date)",
        ]
        if gmail { lines.append(dkimSignature()) }
        let name = MailEncoding.encodedWords(sender.name, charset, base64: random.chance(0.5))
        lines += ["Date: \(date)", "From: \(name) <\(sender.address)>", "To: Soporte Empresa <soporte@empresa.com>"]
        if random.chance(0.3) {
            let colleague = SpanishText.person(&random)
            lines.append("Cc: \(MailEncoding.encodedWords(colleague.name, .utf8, base64: false)) <\(colleague.address)>")
        }
        var fields = lines.map { Array($0.utf8) }
        if rawSubject {
            // What broken clients send: the subject in Latin-1 bytes, no encoded word (with a
            // suffix that guarantees 8-bit bytes even when the subject itself is ASCII).
            fields.append(Array("Subject: ".utf8) + MailEncoding.bytes(subject + " (nº cliente)", .latin1))
        } else {
            fields.append(Array("Subject: \(MailEncoding.encodedWords(subject, charset, base64: random.chance(0.5)))".utf8))
        }
        let domain = gmail ? "mail.gmail.com" : "eurprd04.prod.outlook.com"
        fields.append(Array("Message-ID: <\(gmail ? "CA+" : "AM0PR")\(hex(24))@\(domain)>".utf8))
        fields.append(Array("MIME-Version: 1.0".utf8))
        fields.append(Array((gmail ? "X-Mailer: Gmail" : "User-Agent: Microsoft Outlook 16.0").utf8))
        return fields
    }

    /// `In-Reply-To` the desk's acknowledgement, `References` the original request and it.
    mutating func threading(ticket: String) -> [[UInt8]] {
        let original = "<CA+\(hex(24))@mail.gmail.com>", acknowledgement = "<\(ticket).\(hex(8))@empresa.com>"
        return [Array("In-Reply-To: \(acknowledgement)".utf8), Array("References: \(original)\r\n \(acknowledgement)".utf8)]
    }

    mutating func dkimSignature() -> String {
        let signature = (0..<3).map { _ in base64Text(60) }.joined(separator: "\r\n\t ")
        return "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=gmail.com; s=20230601; t=\(clock);\r\n"
            + "\th=to:subject:message-id:date:from:mime-version:from:to:cc:subject:date:message-id:reply-to;\r\n"
            + "\tbh=\(base64Text(43))=;\r\n\tb=\(signature)"
    }

    mutating func boundary() -> String { "----=_Part_\(random.between(1000, 99_999))_\(hex(12))" }

    mutating func hex(_ count: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<count).map { _ in digits[random.below(16)] })
    }

    mutating func base64Text(_ count: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        return String((0..<count).map { _ in alphabet[random.below(64)] })
    }

    mutating func ip() -> String { "209.85.\(random.between(128, 255)).\(random.between(1, 254))" }
}
