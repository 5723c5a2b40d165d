import Testing
import BuzonTransport
@testable import BuzonCurl

/// An IMAP configuration checked before any connection: a URL is parsed once, by `ServerURL`, so a
/// bad one never reaches curl and its error does not echo the password; a URL of another protocol
/// is a configuration error of the client; TLS is required off loopback.
@Suite struct IMAPConfigurationTests {
    @Test(arguments: ["http://127.0.0.1/INBOX", "imap://user:pw@127.0.0.1/INBOX", "imap://127.0.0.1:99999/", "127.0.0.1"])
    func badURLIsAConfigurationError(url: String) {
        let error = #expect(throws: ServerURLError.self) { try ServerURL(parsing: url, schemes: ServerURL.imapSchemes) }
        #expect(error.map { !"\($0)".contains("pw@") } == true)
    }

    @Test func aURLOfAnotherProtocolIsAConfigurationError() {
        let url = ServerURL(scheme: "smtp", host: "127.0.0.1", port: 25)
        let error = #expect(throws: TransportError.self) {
            try IMAPClient(IMAPConfiguration(url: url, username: "x", password: "y"))
        }
        #expect(error?.kind == .configuration)
    }

    @Test func requireTLSDefaultsToTrueExceptOnLoopback() throws {
        func url(_ text: String) throws -> ServerURL { try ServerURL(parsing: text, schemes: ServerURL.imapSchemes) }
        #expect(IMAPConfiguration(url: try url("imap://127.0.0.1:143/"), username: "u").requireTLS == false)
        #expect(IMAPConfiguration(url: try url("imap://localhost/"), username: "u").requireTLS == false)
        #expect(IMAPConfiguration(url: try url("imap://mail.empresa.com/"), username: "u").requireTLS == true)
        #expect(!"\(IMAPConfiguration(url: try url("imap://x/"), username: "u", password: "s3cr3t"))".contains("s3cr3t"))
    }
}
