import BuzonCurl
import BuzonTesting

/// Builders for test messages and clients.
enum TestMail {
    /// A small RFC 5322 message with CRLF line ends.
    static func message(subject: String, body: String = "Hola,\r\nnecesito ayuda.\r\n") -> [UInt8] {
        Array(("From: Ana <ana@andina.cl>\r\nTo: soporte@empresa.com\r\nSubject: \(subject)\r\n"
            + "Message-ID: <\(subject.hashValue)@andina.cl>\r\n\r\n" + body).utf8)
    }

    static func password(_ user: String) -> String { "secret-\(user)" }

    static func imap(_ servers: LocalServers, user: String, folder: String = "INBOX", implicitTLS: Bool = false,
                     password: String? = nil, requireTLS: Bool? = nil, caFile: String? = nil) throws -> IMAPClient {
        try IMAPClient(IMAPConfiguration(
            url: servers.imapServerURL(folder: folder, implicitTLS: implicitTLS), username: user,
            password: password ?? Self.password(user), caFile: caFile ?? servers.caFile,
            requireTLS: requireTLS, connectTimeout: .seconds(5), ioTimeout: .seconds(10)))
    }
}

/// Where two byte strings first differ (`nil` when equal), so a failing comparison of
/// megabytes prints one number instead of the whole arrays.
func firstDifference(_ a: [UInt8]?, _ b: [UInt8]?) -> Int? {
    guard let a, let b else { return a == nil && b == nil ? nil : 0 }
    if a == b { return nil }
    return (0 ..< min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
}
