import Testing
import BuzonTesting
import BuzonTransport
@testable import BuzonCurl

@Suite(.localServers(users: ["tls", "starttls", "auth"]))
struct IMAPConnectionTests {
    @Test func implicitTLSWithTheTestCA() throws {
        let servers = try LocalServersScope.servers()
        try servers.deliver(TestMail.message(subject: "imaps"), to: "tls")
        let client = try TestMail.imap(servers, user: "tls", implicitTLS: true)
        #expect(try client.open().messageCount == 1)
        let fetched = try client.fetch(uids: try client.search(afterUID: 0, unseenOnly: false), maxBytes: 1_000)
        #expect(fetched.first?.bytes == TestMail.message(subject: "imaps"))
    }

    @Test func requiredSTARTTLSWithTheTestCA() throws {
        let servers = try LocalServersScope.servers()
        try servers.deliver(TestMail.message(subject: "starttls"), to: "starttls")
        let client = try TestMail.imap(servers, user: "starttls", requireTLS: true)
        #expect(try client.open().messageCount == 1)
    }

    @Test func untrustedCertificateIsAConfigurationError() throws {
        let servers = try LocalServersScope.servers()
        let client = try TestMail.imap(servers, user: "starttls", requireTLS: true, caFile: "/etc/ssl/certs/ca-certificates.crt")
        let error = #expect(throws: TransportError.self) { try client.open() }
        #expect(error?.kind == .configuration)
    }

    @Test func wrongPasswordIsAnAuthenticationErrorWithoutThePassword() throws {
        let servers = try LocalServersScope.servers()
        let client = try TestMail.imap(servers, user: "auth", password: "wrong-Pa55word")
        let error = #expect(throws: TransportError.self) { try client.open() }
        #expect(error?.kind == .authentication)
        #expect(error?.code == 67)
        #expect(error.map { !"\($0)".contains("wrong-Pa55word") } == true)
    }

    /// The URL is parsed once, by `ServerURL`, before any client exists: a bad one never reaches curl.
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
