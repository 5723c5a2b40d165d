import Foundation
import Testing
import BuzonMIME
import BuzonTesting

/// Mail Buzón used to lose or block without a word (issue #10 items 3, 4 and 7), through the
/// real binary: every message it does not ticket is kept where an operator can list it, and
/// nothing about a message's id can stop its ticket.
@Suite(.serialized, .e2eServers(users: ["nokey", "oddid", "authres", "rejected", "mbox"].flatMap(E2EDesk.users)))
struct E2EKeptMailTests {
    static func deliverFile(_ bytes: [UInt8], desk: E2EDesk, name: String) throws -> BuzonBinary.Result {
        let path = desk.directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try desk.buzon(["deliver", "--mailbox", "soporte", "--file", path])
    }

    /// Regression (item 3): an empty file, a bare line of text and 5 MB of bytes without a
    /// header/body separator all had the same dedupe key; the second and third were recorded
    /// as "duplicate" and stored nowhere. Each is now held (no From) under its own key, and
    /// the same bytes again are still a duplicate.
    @Test func messagesWithNothingStableAreEachKept() throws {
        let desk = try E2EDesk("nokey")
        var garbage = [UInt8](repeating: 0, count: 5 * 1024 * 1024)
        var state: UInt64 = 7
        for index in garbage.indices {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let byte = UInt8(truncatingIfNeeded: state >> 40) | 0x20
            garbage[index] = byte == UInt8(ascii: ":") || byte == 0x7F ? UInt8(ascii: "z") : byte
        }
        let inputs: [(String, [UInt8])] = [("empty.eml", []), ("line.eml", Array("necesito ayuda urgente\n".utf8)),
                                           ("garbage.eml", garbage)]
        for (name, bytes) in inputs {
            let result = try Self.deliverFile(bytes, desk: desk, name: name)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(result.stdout.hasPrefix("missing_sender\t-\t"), "\(name): \(result.stdout)")
        }
        #expect(try desk.held().count == 3)
        let again = try desk.buzon(["deliver", "--mailbox", "soporte", "--file", desk.directory + "/line.eml"])
        #expect(again.stdout.hasPrefix("duplicate\t"), "\(again.stdout)")
        #expect(try desk.held().count == 3)
    }

    /// Regression (item 7): a customer's Message-ID the outgoing builder could not write made
    /// the acknowledgement throw, rolling the ticket back: `deliver` exited 75 forever, and a
    /// reply or close on a ticket holding such a message failed.
    @Test func oddMessageIDsStillGiveATicketAnAcknowledgementAndAnswers() throws {
        let desk = try E2EDesk("oddid")
        let ids = ["sinarroba.123", "a@b@c.andina.cl", "ñandú.7@andina.cl",
                   String(repeating: "largo", count: 60) + "@andina.cl"]
        var numbers: [String] = []
        for (index, id) in ids.enumerated() {
            let customer = "cliente\(index).oddid@andina.cl"
            let mail = TestMail(from: customer, to: ["soporte@empresa.com"], subject: "Consulta \(index)",
                                body: "Hola, tengo un problema con la factura \(index).", messageID: id)
            let result = try Self.deliverFile(mail.bytes, desk: desk, name: "odd\(index).eml")
            #expect(result.status == 0, "id \(id): \(result.stderr)")
            #expect(result.stdout.hasPrefix("new_ticket\t"), "id \(id): \(result.stdout)")
            numbers.append(String(result.stdout.split(separator: "\t")[1]))
        }
        try desk.runOnce()
        for index in ids.indices {
            let acks = try desk.received(to: "cliente\(index).oddid@andina.cl")
            #expect(acks.count == 1, "acknowledgement for id \(ids[index])")
        }
        #expect(try desk.received(to: "cliente0.oddid@andina.cl").first?.parsed.inReplyTo == ["sinarroba.123"])

        for number in numbers {
            try desk.succeed(["reply", number, "--from", "marta.rios@empresa.com", "--text", "Ya lo revisamos."])
            try desk.succeed(["close", number, "--by", "marta"])
        }
        try desk.runOnce()
        #expect(try desk.outbox().allSatisfy { $0.string("status") == "sent" })
        for index in ids.indices {
            #expect(try desk.received(to: "cliente\(index).oddid@andina.cl").count == 3, "ack, reply, closing notice")
        }
    }

    /// Regression (item 4): with `trusted_authserv_id` set, an authorized customer's mail
    /// without Authentication-Results was rejected with no notice, no held entry and no raw
    /// copy. It is held with its reason, counted by `status` (which warns that the setting is
    /// probably wrong, as `check-config` does), and approvable into a ticket.
    @Test func mailWithoutTheTrustedStampIsHeldCountedAndApprovable() throws {
        let desk = try E2EDesk("authres")
        let config = try String(contentsOfFile: desk.configPath, encoding: .utf8)
        let trusting = config.replacingOccurrences(of: "domain = \"empresa.com\"\n",
                                                   with: "domain = \"empresa.com\"\ntrusted_authserv_id = \"mx.empresa.com\"\n")
        try #require(trusting != config)
        try trusting.write(toFile: desk.configPath, atomically: true, encoding: .utf8)
        try desk.deliver(TestMail(from: "Ana <ana.authres@andina.cl>", to: ["soporte@empresa.com"], subject: "Factura rechazada",
                                  body: "Hola, el SII rechazó la factura 88.", messageID: "authres-1@andina.cl"))
        try desk.runOnce()

        #expect(try desk.tickets().isEmpty)
        let held = try desk.held()
        try #require(held.count == 1)
        #expect(held[0].string("from") == "ana.authres@andina.cl")
        #expect(held[0].string("reason") == "not_authentic")
        #expect(held[0].string("detail") == "no Authentication-Results from mx.empresa.com")
        #expect(try desk.succeed(["held", "list"]).contains("remitente no autenticado"))
        let status = try desk.status()
        #expect(status.int("held") == 1)
        #expect(status.int("rejected") == 0)
        #expect((status["warnings"] as? [String])?.first?.contains("trusted_authserv_id") == true)
        #expect(try desk.succeed(["status"]).contains("aviso: trusted_authserv_id"))
        let check = try desk.buzon(["check-config"])
        #expect(check.stdout.contains("warning trusted_authserv_id is \"mx.empresa.com\" but 1 of the last 1"), "\(check.stdout)")

        let approved = try desk.succeed(["held", "approve", "\(held[0].int("id")!)"])
        #expect(approved.contains("OP10044"))
        #expect(try desk.held().isEmpty)
        try desk.runOnce()
        #expect(try desk.received(to: "ana.authres@andina.cl").first?.ticketInSubject == "OP10044")
    }

    /// Regression (item 4): an unknown sender under `reject` was stored nowhere. The message is
    /// listed under `messages rejected`, and after the operator authorizes the address,
    /// `messages reprocess` turns it into a ticket (its ledger entry updated, not a duplicate).
    @Test func rejectedMailIsListedAndBecomesATicketAfterAuthorizingAndReprocessing() throws {
        let desk = try E2EDesk("rejected")
        let mail = TestMail(from: "Mario <mario.rejected@gmail.com>", to: ["soporte@empresa.com"], subject: "Cotización",
                            body: "Quisiera una cotización del sistema.", messageID: "rejected-1@gmail.com")
        try desk.deliver(mail)
        try desk.runOnce()
        #expect(try desk.tickets().isEmpty)
        #expect(try desk.received(to: "mario.rejected@gmail.com").count == 1, "the not-authorized notice")
        let rejected = try #require(try desk.json(["messages", "rejected"]) as? [[String: Any]])
        try #require(rejected.count == 1)
        #expect(rejected[0].string("reason") == "unknown_sender")
        #expect(rejected[0].string("disposition") == "rejected")
        #expect(rejected[0].string("from") == "mario.rejected@gmail.com")
        #expect(try desk.status().int("rejected") == 1)
        #expect(try desk.held().isEmpty)

        let config = try String(contentsOfFile: desk.configPath, encoding: .utf8)
        try config.replacingOccurrences(of: "authorized = [\"@andina.cl\"]", with: "authorized = [\"@andina.cl\", \"mario.rejected@gmail.com\"]")
            .write(toFile: desk.configPath, atomically: true, encoding: .utf8)
        let output = try desk.succeed(["messages", "reprocess", "\(rejected[0].int("id")!)"])
        #expect(output.contains("OP10044"), "\(output)")
        #expect(try desk.tickets().map { $0.string("contact") } == ["mario.rejected@gmail.com"])
        #expect(try (desk.json(["messages", "rejected"]) as? [[String: Any]])?.isEmpty == true)
        let path = desk.directory + "/again.eml"
        try Data(mail.bytes).write(to: URL(fileURLWithPath: path))
        #expect(try desk.succeed(["deliver", "--mailbox", "soporte", "--file", path]).hasPrefix("duplicate\tOP10044\t"))
        try desk.runOnce()
        #expect(try desk.received(to: "mario.rejected@gmail.com").last?.ticketInSubject == "OP10044")

        // Another stranger's mail, discarded by the operator: gone from the list, not back on a re-poll.
        try desk.deliver(TestMail(from: "oferta.rejected@example.net", to: ["soporte@empresa.com"], subject: "Oferta",
                                  body: "Compre ya.", messageID: "rejected-2@example.net"))
        try desk.runOnce()
        let spam = try #require((try desk.json(["messages", "rejected"]) as? [[String: Any]])?.first)
        try desk.succeed(["messages", "discard", "\(spam.int("id")!)"])
        #expect(try (desk.json(["messages", "list"]) as? [[String: Any]])?.isEmpty == true)
        #expect(try desk.status().int("rejected") == 0)
    }

    /// Regression (item 6): mail relayed through an mbox-based tool, with `From ` and `>From `
    /// lines inside its header block, lost its real From: and was held. It opens a ticket.
    @Test func mailWithMboxLinesInItsHeaderOpensATicket() throws {
        let desk = try E2EDesk("mbox")
        let text = """
            Return-Path: <lucia.mbox@andina.cl>\r
            From lucia.mbox@andina.cl Mon Nov 23 09:00:01 2026\r
            >From lucia.mbox@andina.cl Mon Nov 23 09:00:00 2026\r
            From: Lucía <lucia.mbox@andina.cl>\r
            To: soporte@empresa.com\r
            Subject: Contrato de mantención\r
            Date: Mon, 23 Nov 2026 09:00:00 -0300\r
            Message-ID: <mbox-1@andina.cl>\r
            \r
            Hola, necesito renovar el contrato.\r

            """
        let result = try Self.deliverFile(Array(text.utf8), desk: desk, name: "mbox.eml")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("new_ticket\tOP10044\t"), "\(result.stdout)")
        #expect(try desk.ticket("OP10044").string("subject") == "Contrato de mantención")
        #expect(try desk.held().isEmpty)
    }
}
