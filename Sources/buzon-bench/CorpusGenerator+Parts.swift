/// Leaves of the generated MIME trees: text in a drawn charset and transfer encoding,
/// attachments with file-like bytes, and the defects real mail comes with.
extension CorpusGenerator {
    /// `text/plain` alone or `multipart/alternative` with the HTML, same charset for both.
    mutating func bodyPart(_ content: MessageContent) -> MailPart {
        let charset: MailEncoding.Charset = random.pick([.utf8, .utf8, .utf8, .latin1, .windows1252])
        let plain = textLeaf("plain", content.plain.joined(separator: "\r\n") + "\r\n", charset)
        guard random.chance(0.55) else { return plain }
        let html = textLeaf("html", content.html + "\r\n", charset)
        return MailPart(multipart: "alternative", boundary: boundary(), children: [plain, html])
    }

    mutating func textLeaf(_ subtype: String, _ text: String, _ charset: MailEncoding.Charset) -> MailPart {
        let bytes = MailEncoding.bytes(text, charset)
        let roll = random.unit()
        let encoding: MailEncoding.TransferEncoding = charset == .utf8
            ? (roll < 0.5 ? .quotedPrintable : roll < 0.85 ? .eightBit : .base64)
            : (roll < 0.7 ? .quotedPrintable : .eightBit)
        let body: [UInt8]
        switch encoding {
        case .quotedPrintable: body = MailEncoding.quotedPrintable(bytes)
        case .base64: body = MailEncoding.base64(bytes)
        case .sevenBit, .eightBit: body = bytes
        }
        return MailPart(headers: ["Content-Type: text/\(subtype); charset=\"\(charset.rawValue)\"",
                                  "Content-Transfer-Encoding: \(encoding.rawValue)"], body: body)
    }

    static let attachmentKinds: [(type: String, names: [String], magic: [UInt8])] = [
        ("application/pdf", ["factura_octubre.pdf", "contrato firmado.pdf", "presupuesto nº 2027-114.pdf"],
         Array("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)),
        ("image/png", ["captura de pantalla.png", "error_portal.png", "Captura de pantalla 2026-11-20 a las 9.41.12.png"],
         [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         ["presupuesto_2027.xlsx", "listado de pedidos.xlsx", "inventario_almacén.xlsx"], [0x50, 0x4B, 0x03, 0x04]),
        ("image/jpeg", ["foto_etiqueta.jpg", "IMG_20261120_101544.jpg"], [0xFF, 0xD8, 0xFF, 0xE0]),
    ]

    /// Sizes: 85% log-uniform in 20–200 KB, 15% in 200 KB–2 MB (a real inbox's long tail).
    mutating func attachmentPart() -> MailPart {
        let kind = random.pick(Self.attachmentKinds)
        let name = random.pick(kind.names)
        let size = random.chance(0.85) ? random.logUniform(20_000, 200_000) : random.logUniform(200_000, 2_000_000)
        let bytes = kind.magic + random.bytes(size - kind.magic.count)
        let parameter = MailEncoding.extendedParameter("filename", name)
        let nameParameter = MailEncoding.extendedParameter("name", name)
        return MailPart(headers: ["Content-Type: \(kind.type);\r\n\t\(nameParameter)",
                                  "Content-Disposition: attachment;\r\n\t\(parameter)",
                                  "Content-Transfer-Encoding: base64"], body: MailEncoding.base64(bytes))
    }

    /// Base64 as broken gateways leave it: foreign characters inside and a last line cut
    /// to a length that is not a multiple of four.
    static func corruptBase64(_ body: [UInt8]) -> [UInt8] {
        var corrupt = body
        let middle = corrupt.count / 2
        corrupt.replaceSubrange(middle..<middle, with: Array("!!*%\u{7F}".utf8))
        corrupt.removeLast(min(corrupt.count - 1, 7))
        corrupt += [13, 10]
        return corrupt
    }

    /// A delivery status notification (RFC 3464) for a message the desk sent.
    mutating func bounce() -> GeneratedMessage {
        let recipient = SpanishText.person(&random)
        let date = SpanishDate(epochSeconds: clock).rfc5322
        let explanation = textLeaf("plain", """
            This is the mail system at host mx.empresa.com.\r
            \r
            I'm sorry to have to inform you that your message could not\r
            be delivered to one or more recipients.\r
            \r
            <\(recipient.address)>: host mx.\(recipient.address.split(separator: "@")[1])[\(ip())] said:\r
                550 5.1.1 <\(recipient.address)>: Recipient address rejected: User unknown\r

            """, .utf8)
        let status = MailPart(headers: ["Content-Type: message/delivery-status"], body: Array("""
            Reporting-MTA: dns; mx.empresa.com\r
            Arrival-Date: \(date)\r
            \r
            Final-Recipient: rfc822; \(recipient.address)\r
            Action: failed\r
            Status: 5.1.1\r
            Diagnostic-Code: smtp; 550 5.1.1 User unknown\r

            """.utf8))
        let original = MailPart(headers: ["Content-Type: text/rfc822-headers"], body: Array("""
            From: Soporte Empresa <soporte@empresa.com>\r
            To: \(recipient.address)\r
            Subject: [OP\(random.between(10_000, 19_999))] Hemos recibido su solicitud\r
            Message-ID: <\(hex(16))@empresa.com>\r

            """.utf8))
        var root = MailPart(multipart: "report", boundary: boundary(), parameters: " report-type=delivery-status;",
                            children: [explanation, status, original])
        root.headers = ["Return-Path: <>", "Date: \(date)",
                        "From: Mail Delivery System <MAILER-DAEMON@mx.empresa.com>",
                        "To: soporte@empresa.com", "Subject: Undelivered Mail Returned to Sender",
                        "Message-ID: <\(hex(20)).\(sequence)@mx.empresa.com>", "Auto-Submitted: auto-replied",
                        "MIME-Version: 1.0"].map { Array($0.utf8) } + root.headers
        var bytes: [UInt8] = []
        root.render(into: &bytes)
        return GeneratedMessage(kind: .bounce, defect: nil, hasAttachment: false, bytes: bytes)
    }

    /// An out-of-office answer to the desk's acknowledgement.
    mutating func autoReply() -> GeneratedMessage {
        let sender = SpanishText.person(&random)
        var part = textLeaf("plain", """
            Estaré fuera de la oficina hasta el lunes 30 de noviembre, sin acceso al correo.\r
            Para asuntos urgentes, contacte con recepción en el 910 000 000.\r
            \r
            Un saludo,\r
            \(sender.name)\r

            """, random.pick([.utf8, .latin1]))
        let subject = MailEncoding.encodedWords("Respuesta automática: Hemos recibido su solicitud", .utf8, base64: false)
        part.headers = ["Date: \(SpanishDate(epochSeconds: clock).rfc5322)",
                        "From: \(MailEncoding.encodedWords(sender.name, .utf8, base64: true)) <\(sender.address)>",
                        "To: soporte@empresa.com", "Subject: \(subject)",
                        "Message-ID: <\(hex(20))@\(sender.address.split(separator: "@")[1])>",
                        "Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All",
                        "MIME-Version: 1.0"].map { Array($0.utf8) } + part.headers
        var bytes: [UInt8] = []
        part.render(into: &bytes)
        return GeneratedMessage(kind: .autoReply, defect: nil, hasAttachment: false, bytes: bytes)
    }
}
