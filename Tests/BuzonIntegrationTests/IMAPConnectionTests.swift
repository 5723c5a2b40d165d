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
}
