import Foundation

/// Raw e-mails for tests and the demo, written the way real clients write them.
///
/// Deliberately independent of `OutgoingMessage`: tests must be able to produce what a
/// careful builder never would (hostile headers, missing Message-IDs, odd encodings).
public struct TestMail: Sendable {
    public var from: String
    public var to: [String]
    public var cc: [String] = []
    public var subject: String
    public var body: String
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String] = []
    public var date: String = "Mon, 23 Nov 2026 09:15:00 -0300"
    /// Extra header lines, written verbatim (e.g. `Auto-Submitted: auto-replied`).
    public var extraHeaders: [String] = []
    /// Optional attachment: filename, MIME type and bytes (sent base64).
    public var attachment: (filename: String, contentType: String, data: [UInt8])?

    public init(from: String, to: [String], cc: [String] = [], subject: String, body: String,
                messageID: String? = nil, inReplyTo: String? = nil, references: [String] = [],
                extraHeaders: [String] = []) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.body = body
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.extraHeaders = extraHeaders
    }

    /// CRLF bytes. Non-ASCII subjects are sent as RFC 2047 UTF-8 B-words, bodies as 8bit UTF-8.
    public var bytes: [UInt8] {
        var lines: [String] = []
        lines.append("From: \(from)")
        lines.append("To: \(to.joined(separator: ", "))")
        if !cc.isEmpty { lines.append("Cc: \(cc.joined(separator: ", "))") }
        lines.append("Subject: \(TestMail.encodeIfNeeded(subject))")
        lines.append("Date: \(date)")
        if let messageID { lines.append("Message-ID: <\(messageID)>") }
        if let inReplyTo { lines.append("In-Reply-To: <\(inReplyTo)>") }
        if !references.isEmpty { lines.append("References: " + references.map { "<\($0)>" }.joined(separator: " ")) }
        lines.append("MIME-Version: 1.0")
        lines.append(contentsOf: extraHeaders)
        let text = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        if let attachment {
            let boundary = "=_buzon_test_boundary_0001"
            lines.append("Content-Type: multipart/mixed; boundary=\"\(boundary)\"")
            lines.append("")
            lines.append("--\(boundary)")
            lines.append("Content-Type: text/plain; charset=utf-8")
            lines.append("Content-Transfer-Encoding: 8bit")
            lines.append("")
            lines.append(text)
            lines.append("--\(boundary)")
            lines.append("Content-Type: \(attachment.contentType); name=\"\(attachment.filename)\"")
            lines.append("Content-Disposition: attachment; filename=\"\(attachment.filename)\"")
            lines.append("Content-Transfer-Encoding: base64")
            lines.append("")
            let encoded = Data(attachment.data).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            lines.append(encoded)
            lines.append("--\(boundary)--")
        } else {
            lines.append("Content-Type: text/plain; charset=utf-8")
            lines.append("Content-Transfer-Encoding: 8bit")
            lines.append("")
            lines.append(text)
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func encodeIfNeeded(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        return "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }
}
