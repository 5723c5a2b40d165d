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

/// Stops and restarts Dovecot: needs its own servers and no parallel tests.
@Suite(.serialized, .localServers(users: ["outage"]))
struct IMAPOutageTests {
    @Test func serverStoppedIsANetworkErrorAndTheNextOpenReconnects() throws {
        let servers = try LocalServersScope.servers()
        try servers.deliver(TestMail.message(subject: "outage"), to: "outage")
        let client = try TestMail.imap(servers, user: "outage")
        let before = try client.open()

        servers.stopIMAP()
        let during = #expect(throws: TransportError.self) { try client.search(afterUID: 0, unseenOnly: false) }
        #expect(during?.kind == .network)
        #expect(during?.isTemporary == true)
        let reopen = #expect(throws: TransportError.self) { try client.open() }
        #expect(reopen?.kind == .network)

        try servers.startIMAP()
        let after = try client.open()
        #expect(after.uidValidity == before.uidValidity)
        #expect(try client.search(afterUID: 0, unseenOnly: false).count == 1)
    }

    @Test func openAfterAServerRestartWhileIdleReconnectsAtOnce() throws {
        let servers = try LocalServersScope.servers()
        let client = try TestMail.imap(servers, user: "outage")
        _ = try client.open()
        servers.stopIMAP()
        try servers.startIMAP()
        // The old connection is dead; open() notices and connects again in the same call.
        #expect(try client.open().uidValidity > 0)
    }
}

/// Hung servers: Dovecot frozen with SIGSTOP, and a port that accepts but never speaks.
@Suite(.serialized, .localServers(users: ["hang"]))
struct IMAPTimeoutTests {
    @Test func hungServerAfterLoginIsANetworkTimeoutAndTheNextOpenWorks() throws {
        let servers = try LocalServersScope.servers()
        let client = try IMAPClient(IMAPConfiguration(url: servers.imapURL(), username: "hang",
                                                      password: TestMail.password("hang"),
                                                      connectTimeout: .seconds(2), ioTimeout: .milliseconds(500)))
        _ = try client.open()
        servers.pauseIMAP()
        defer { servers.resumeIMAP() }
        let clock = ContinuousClock()
        let started = clock.now
        let error = #expect(throws: TransportError.self) { try client.search(afterUID: 0, unseenOnly: false) }
        #expect(error?.kind == .network)
        #expect(error?.code == 28)  // CURLE_OPERATION_TIMEDOUT
        #expect(clock.now - started < .seconds(3))
        servers.resumeIMAP()
        #expect(try client.open().uidValidity > 0)
    }

    @Test func silentPortIsANetworkErrorWithinTheTimeouts() throws {
        let silent = try SilentPort()
        let client = try IMAPClient(IMAPConfiguration(url: "imap://127.0.0.1:\(silent.port)/INBOX", username: "x",
                                                      password: "y", connectTimeout: .seconds(1), ioTimeout: .seconds(1)))
        let clock = ContinuousClock()
        let started = clock.now
        let error = #expect(throws: TransportError.self) { try client.open() }
        #expect(error?.kind == .network)
        #expect(clock.now - started < .seconds(4))
    }
}

/// Dovecot restarted with its UID list replaced: a new UIDVALIDITY.
@Suite(.serialized, .localServers(users: ["validity"]))
struct IMAPUIDValidityTests {
    @Test func reconnectWithANewUIDValidityRefusesOldUIDs() throws {
        let servers = try LocalServersScope.servers()
        try servers.deliver(TestMail.message(subject: "uno"), to: "validity")
        let client = try TestMail.imap(servers, user: "validity")
        let before = try client.open()
        let uid = try #require(try client.search(afterUID: 0, unseenOnly: false).first)

        servers.stopIMAP()
        try servers.resetUIDs(user: "validity", uidValidity: before.uidValidity + 1000)
        try servers.startIMAP()
        // First call: the old connection is found dead. Second: the reconnect sees the new value.
        let dead = #expect(throws: TransportError.self) { try client.mark(uid: uid, as: .delete) }
        #expect(dead?.kind == .network)
        let error = #expect(throws: TransportError.self) { try client.mark(uid: uid, as: .delete) }
        #expect(error?.kind == .temporaryRejection)
        #expect(error?.message.contains("UIDVALIDITY") == true)
        #expect(try servers.messageCount(user: "validity") == 1)
        #expect(try client.open().uidValidity == before.uidValidity + 1000)
    }
}
