import Testing
import BuzonTransport
@testable import BuzonCurl

/// An IMAP configuration checked before any connection: a URL the client cannot use is a
/// configuration error that does not echo the password, and TLS is required off loopback.
@Suite struct IMAPConfigurationTests {
    @Test(arguments: ["http://127.0.0.1/INBOX", "imap://user:pw@127.0.0.1/INBOX", "imap://127.0.0.1:99999/", "127.0.0.1"])
    func badURLIsAConfigurationError(url: String) {
        let error = #expect(throws: TransportError.self) {
            try IMAPClient(IMAPConfiguration(url: url, username: "x", password: "y"))
        }
        #expect(error?.kind == .configuration)
        #expect(error.map { !"\($0)".contains("pw@") } == true)
    }

    @Test func requireTLSDefaultsToTrueExceptOnLoopback() {
        #expect(IMAPConfiguration(url: "imap://127.0.0.1:143/", username: "u").requireTLS == false)
        #expect(IMAPConfiguration(url: "imap://localhost/", username: "u").requireTLS == false)
        #expect(IMAPConfiguration(url: "imap://mail.empresa.com/", username: "u").requireTLS == true)
        #expect(!"\(IMAPConfiguration(url: "imap://x/", username: "u", password: "s3cr3t"))".contains("s3cr3t"))
    }
}
