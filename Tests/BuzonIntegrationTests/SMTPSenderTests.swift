import Testing
import Foundation
import BuzonTesting
import BuzonTransport
@testable import BuzonCurl

/// Tests share one sink; each uses its own recipient addresses and filters on them.
@Suite(.localServers(users: ["soporte"]))
struct SMTPSenderTests {
    private func sender(_ servers: LocalServers, implicitTLS: Bool = false, password: String? = nil,
                        requireTLS: Bool? = nil, authenticate: Bool = false) throws -> SMTPSender {
        try SMTPSender(SMTPConfiguration(
            url: servers.smtpServerURL(implicitTLS: implicitTLS),
            username: authenticate ? "soporte" : nil,
            password: authenticate ? (password ?? TestMail.password("soporte")) : nil,
            caFile: servers.caFile, requireTLS: requireTLS, heloName: "buzon.test",
            connectTimeout: .seconds(5), ioTimeout: .seconds(10)))
    }

    private static func unique(_ local: String) -> String { "\(local)-\(UUID().uuidString.prefix(8))@andina.cl" }

    @Test func deliversTheExactBytesWithTheEnvelope() throws {
        let servers = try LocalServersScope.servers()
        let to = [Self.unique("ana"), Self.unique("luis")]
        // A line starting with "." must be dot-stuffed on the wire and unstuffed by the server.
        let message = TestMail.message(subject: "envío", body: "Hola\r\n.\r\n..dos puntos\r\n.final\r\nñandú\r\n")
        try sender(servers).send(Envelope(from: "soporte@empresa.com", recipients: to), message: message)
        let received = try servers.waitForMessages(count: 1) { $0.recipients == to }
        #expect(received.count == 1)
        #expect(received.first?.bytes == message)
        #expect(received.first?.mailFrom == "soporte@empresa.com")
        #expect(received.first?.authLogin == nil)
        #expect(received.first?.heloName == "buzon.test")
    }

    @Test func nullReversePathForAutoReplies() throws {
        let servers = try LocalServersScope.servers()
        let to = Self.unique("acuse")
        try sender(servers).send(Envelope(from: "", recipients: [to]), message: TestMail.message(subject: "acuse"))
        let received = try servers.waitForMessages(count: 1) { $0.recipients == [to] }
        #expect(received.first?.mailFrom == "")
    }

    @Test func authenticatesOverRequiredSTARTTLS() throws {
        let servers = try LocalServersScope.servers()
        let to = Self.unique("tls")
        try sender(servers, requireTLS: true, authenticate: true)
            .send(Envelope(from: "soporte@empresa.com", recipients: [to]), message: TestMail.message(subject: "tls"))
        let received = try servers.waitForMessages(count: 1) { $0.recipients == [to] }
        #expect(received.first?.authLogin == "soporte")
        #expect(received.first?.listener == "plain")
    }

    @Test func authenticatesOverImplicitTLS() throws {
        let servers = try LocalServersScope.servers()
        let to = Self.unique("smtps")
        try sender(servers, implicitTLS: true, authenticate: true)
            .send(Envelope(from: "soporte@empresa.com", recipients: [to]), message: TestMail.message(subject: "smtps"))
        let received = try servers.waitForMessages(count: 1) { $0.recipients == [to] }
        #expect(received.first?.listener == "tls")
        #expect(received.first?.authLogin == "soporte")
    }

    @Test func wrongPasswordIsAnAuthenticationError() throws {
        let servers = try LocalServersScope.servers()
        let error = #expect(throws: TransportError.self) {
            try sender(servers, password: "no-es-la-clave", requireTLS: true, authenticate: true)
                .send(Envelope(from: "soporte@empresa.com", recipients: [Self.unique("x")]), message: TestMail.message(subject: "x"))
        }
        #expect(error?.kind == .authentication)
        #expect(error.map { !"\($0)".contains("no-es-la-clave") } == true)
    }

    @Test func temporaryFailureOfARecipientIsTemporary() throws {
        let servers = try LocalServersScope.servers()
        let error = #expect(throws: TransportError.self) {
            try sender(servers).send(Envelope(from: "soporte@empresa.com", recipients: [Self.unique("tempfail")]),
                                     message: TestMail.message(subject: "451"))
        }
        #expect(error?.kind == .temporaryRejection)
        #expect(error?.code == 451)
        #expect(error?.isTemporary == true)
    }

    @Test func rejectedRecipientIsPermanentAndNothingIsDelivered() throws {
        let servers = try LocalServersScope.servers()
        let good = Self.unique("bueno")
        let error = #expect(throws: TransportError.self) {
            try sender(servers).send(Envelope(from: "soporte@empresa.com", recipients: [good, Self.unique("reject")]),
                                     message: TestMail.message(subject: "550"))
        }
        #expect(error?.kind == .permanentRejection)
        #expect(error?.code == 550)
        #expect(error?.isTemporary == false)
        // libcurl 7.88 without MAIL_RCPT_ALLLOWFAILS: one refused RCPT aborts the whole transfer.
        #expect(try servers.receivedMessages().filter { $0.recipients.contains(good) }.isEmpty)
    }

    @Test func oneSenderSendsSeveralMessagesWithoutStaleOptions() throws {
        let servers = try LocalServersScope.servers()
        let sender = try sender(servers)
        let first = Self.unique("uno"), second = Self.unique("dos")
        try sender.send(Envelope(from: "soporte@empresa.com", recipients: [first]), message: TestMail.message(subject: "uno"))
        #expect(throws: TransportError.self) {
            try sender.send(Envelope(from: "soporte@empresa.com", recipients: [Self.unique("reject")]), message: [])
        }
        try sender.send(Envelope(from: "", recipients: [second]), message: TestMail.message(subject: "dos"))
        let one = try servers.waitForMessages(count: 1) { $0.recipients == [first] }
        let two = try servers.waitForMessages(count: 1) { $0.recipients == [second] }
        #expect(one.first?.bytes == TestMail.message(subject: "uno"))
        #expect(two.first?.bytes == TestMail.message(subject: "dos"))
        #expect(two.first?.mailFrom != "soporte@empresa.com")
    }

    @Test func headerInjectionThroughTheEnvelopeIsRefused() throws {
        let servers = try LocalServersScope.servers()
        let error = #expect(throws: TransportError.self) {
            try sender(servers).send(Envelope(from: "a@b.cl\r\nRCPT TO:<x@y.cl>", recipients: [Self.unique("x")]),
                                     message: TestMail.message(subject: "x"))
        }
        #expect(error?.kind == .configuration)
    }
}
