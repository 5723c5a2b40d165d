import Testing
import BuzonTesting
import BuzonTransport
@testable import BuzonCurl

/// Stopped, frozen and restarted servers. These tests stop the shared servers, so the suite
/// is serialized and has servers of its own.
@Suite(.serialized, .localServers(users: ["outage", "hang", "validity", "soporte"]))
struct ServerOutageTests {
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


    @Test func hungServerAfterLoginIsANetworkTimeoutAndTheNextOpenWorks() throws {
        let servers = try LocalServersScope.servers()
        let client = try IMAPClient(IMAPConfiguration(url: servers.imapServerURL(), username: "hang",
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
        let client = try IMAPClient(IMAPConfiguration(url: ServerURL(scheme: "imap", host: "127.0.0.1", port: Int(silent.port), path: "INBOX"), username: "x",
                                                      password: "y", connectTimeout: .seconds(1), ioTimeout: .seconds(1)))
        let clock = ContinuousClock()
        let started = clock.now
        let error = #expect(throws: TransportError.self) { try client.open() }
        #expect(error?.kind == .network)
        #expect(clock.now - started < .seconds(4))
    }


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


    @Test func sinkStoppedIsATemporaryNetworkErrorAndSendingResumes() throws {
        let servers = try LocalServersScope.servers()
        let sender = try SMTPSender(SMTPConfiguration(url: servers.smtpServerURL(), connectTimeout: .seconds(2), ioTimeout: .seconds(5)))
        try sender.send(Envelope(from: "a@empresa.com", recipients: ["antes@andina.cl"]), message: TestMail.message(subject: "antes"))
        servers.stopSMTP()
        let error = #expect(throws: TransportError.self) {
            try sender.send(Envelope(from: "a@empresa.com", recipients: ["durante@andina.cl"]), message: TestMail.message(subject: "durante"))
        }
        #expect(error?.kind == .network)
        #expect(error?.isTemporary == true)
        try servers.startSMTP()
        try sender.send(Envelope(from: "a@empresa.com", recipients: ["despues@andina.cl"]), message: TestMail.message(subject: "después"))
        let received = try servers.waitForMessages(count: 2)
        #expect(received.map(\.recipients) == [["antes@andina.cl"], ["despues@andina.cl"]])
    }
}
