import Testing
import BuzonTransport

/// The one parser of server URLs (the configuration's `url` keys, then the clients typed). Where
/// the old configuration parser (lenient) and the old curl-side parser (strict) disagreed, the
/// strict rule is kept; the configuration's error wording is covered by `GatewayConfigErrorTests`.
struct ServerURLTests {
    private func parse(_ text: String, _ schemes: [String] = ServerURL.imapSchemes) throws -> ServerURL {
        try ServerURL(parsing: text, schemes: schemes)
    }

    @Test func fillsTheSchemesDefaultPort() throws {
        #expect(try parse("imap://mail.empresa.com/INBOX") == ServerURL(scheme: "imap", host: "mail.empresa.com", port: 143, path: "INBOX"))
        #expect(try parse("IMAPS://mail.empresa.com") == ServerURL(scheme: "imaps", host: "mail.empresa.com", port: 993))
        #expect(try parse("smtp://127.0.0.1", ServerURL.smtpSchemes).port == 25)
        #expect(try parse("smtps://smtp.empresa.com", ServerURL.smtpSchemes).port == 465)
    }

    @Test func decodesThePathAndEncodesItBackInTheDescription() throws {
        let url = try parse("imaps://mail.empresa.com:1993/Soporte%20Clientes/Ma%C3%B1ana")
        #expect(url.path == "Soporte Clientes/Mañana")
        #expect(url.description == "imaps://mail.empresa.com:1993/Soporte%20Clientes/Ma%C3%B1ana")
        #expect(url.server == "imaps://mail.empresa.com:1993/")
    }

    /// Kept from the curl-side parser: what the daemon used once the URL had been printed and
    /// parsed again (the configuration's parser alone kept the slash).
    @Test func dropsLeadingSlashesOfThePath() throws {
        #expect(try parse("imap://127.0.0.1:1143//INBOX").path == "INBOX")
    }

    /// Kept from the curl-side parser: a bad escape is an error that says how to write `%`,
    /// where the configuration's parser kept the text raw.
    @Test(arguments: ["imap://h/INBOX%zz", "imap://h/INBOX%2", "imap://h/%FF"])
    func refusesABadPercentEscape(text: String) {
        let error = #expect(throws: ServerURLError.self) { try parse(text) }
        #expect(error?.message.contains("%25") == true)
    }

    @Test func readsABracketedIPv6Address() throws {
        let url = try parse("imap://[::1]:1143/INBOX")
        #expect(url.host == "::1" && url.port == 1143 && url.isLoopback)
        #expect(url.server == "imap://[::1]:1143/")
    }

    @Test(arguments: ["imap://[::1/INBOX", "imap:///INBOX", "imap://mail empresa.com/", "imap://h:0/", "imap://h:/",
                      "imap://ana@h/", "smtp://h/", "h/INBOX"])
    func refusesWithAMessageSayingWhatToWrite(text: String) {
        let error = #expect(throws: ServerURLError.self) { try parse(text) }
        #expect(error.map { !$0.message.isEmpty } == true)
    }

    @Test func loopbackIsLocalhost127AndIPv6One() throws {
        #expect(try parse("imap://localhost/").isLoopback)
        #expect(try parse("imap://127.0.0.2/").isLoopback)
        #expect(try parse("imap://LOCALHOST/").isLoopback)
        #expect(try !parse("imap://mail.empresa.com/").isLoopback)
    }
}
