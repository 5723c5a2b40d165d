/// A MIME entity being generated: header lines, then either an encoded leaf body or
/// children separated by a boundary. Header lines are bytes so a test message can carry
/// the raw 8-bit headers that broken clients send.
struct MailPart {
    var headers: [[UInt8]]
    /// The encoded body of a leaf, ending with CRLF.
    var body: [UInt8] = []
    var children: [MailPart] = []
    var boundary: String?
    /// False reproduces a message cut before its closing delimiter (`--boundary--`).
    var closed = true

    init(headers: [String], body: [UInt8]) {
        self.headers = headers.map { Array($0.utf8) }
        self.body = body
    }

    init(multipart subtype: String, boundary: String, parameters: String = "", children: [MailPart]) {
        headers = [Array("Content-Type: multipart/\(subtype);\(parameters)\r\n\tboundary=\"\(boundary)\"".utf8)]
        self.boundary = boundary
        self.children = children
    }

    /// RFC 2046 §5.1.1: each body part is preceded by CRLF "--" boundary; the last one is
    /// followed by CRLF "--" boundary "--".
    func render(into out: inout [UInt8]) {
        for line in headers {
            out += line
            out += [13, 10]
        }
        out += [13, 10]
        guard let boundary else {
            out += body
            return
        }
        out += Array("This is a multi-part message in MIME format.\r\n".utf8)
        for child in children {
            out += Array("\r\n--\(boundary)\r\n".utf8)
            child.render(into: &out)
        }
        if closed { out += Array("\r\n--\(boundary)--\r\n".utf8) }
    }
}
