import Foundation

extension OutgoingMessage {
    /// The message as bytes with CRLF line ends, ready for SMTP `DATA` (dot-stuffing is
    /// the transport's job). Throws when an address, message id, header name or content
    /// type is invalid; the error names the field.
    public func render() throws -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return try render(using: &generator)
    }

    /// `render()` with the boundary drawn from `generator` (tests pass a seeded one).
    func render<G: RandomNumberGenerator>(using generator: inout G) throws -> [UInt8] {
        var head = try headerFields()
        let textPart = QuotedPrintableEncoder.encode(textBody)
        guard !attachments.isEmpty else {
            head += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"]
            return Array((head.joined(separator: "\r\n") + "\r\n\r\n").utf8) + textPart + [0x0D, 0x0A]
        }
        let parts = try attachments.map(attachmentPart)
        // "=_" cannot occur in quoted-printable (which writes "=" as "=3D") nor in base64
        // lines, so this boundary never collides with the content (RFC 2046 §5.1.1).
        let boundary = "=_Buzon_" + OutgoingMessage.hex(generator.next(), width: 16) + OutgoingMessage.hex(generator.next(), width: 16)
        head += ["Content-Type: multipart/mixed;\r\n boundary=\"\(boundary)\""]
        var out = Array((head.joined(separator: "\r\n") + "\r\n\r\nThis is a multi-part message in MIME format.\r\n").utf8)
        out += Array("--\(boundary)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n".utf8)
        out += textPart + [0x0D, 0x0A]
        for part in parts {
            out += Array("--\(boundary)\r\n".utf8) + part
        }
        out += Array("--\(boundary)--\r\n".utf8)
        return out
    }

    /// One attachment body part: headers, blank line, base64 in 76-character lines.
    private func attachmentPart(_ attachment: Attachment) throws -> [UInt8] {
        let contentType = OutgoingHeaderText.trimmed(attachment.contentType).lowercased()
        let pieces = contentType.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(OutgoingParameter.isTokenByte) }) else {
            throw Error.invalidContentType(filename: attachment.filename, contentType: attachment.contentType)
        }
        let filename = OutgoingHeaderText.trimmed(OutgoingHeaderText.sanitized(attachment.filename))
        let typeField = OutgoingHeaderFolder.fold(name: "Content-Type", tokens: [contentType + ";"] + OutgoingParameter.nameTokens(filename))
        let dispositionField = OutgoingHeaderFolder.fold(name: "Content-Disposition", tokens: ["attachment;"] + OutgoingParameter.filenameTokens(filename))
        let head = [typeField, dispositionField, "Content-Transfer-Encoding: base64"].joined(separator: "\r\n")
        let base64 = Data(attachment.data).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        // The CRLF after the content belongs to the next boundary delimiter (RFC 2046 §5.1.1),
        // so it is written even for an empty attachment.
        return Array((head + "\r\n\r\n" + base64 + "\r\n").utf8)
    }
}
