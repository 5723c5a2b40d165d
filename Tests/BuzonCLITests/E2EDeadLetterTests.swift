import Foundation
import Testing
import BuzonTesting

/// `buzon dead-letter list|retry` against a real Dovecot (issue #10 item 2): what sits in the
/// dead-letter folder is listed, and a retry records it through the same processor as the
/// poller, then applies the mailbox's `after` action to it in that folder.
@Suite(.serialized, .e2eServers(users: ["dlmove", "dlseen"].flatMap(E2EDesk.users)))
struct E2EDeadLetterTests {
    static let folder = "Buzon-DeadLetter"

    static func mail(_ key: String, _ index: Int) -> TestMail {
        TestMail(from: "cliente\(index).\(key)@andina.cl", to: ["soporte@empresa.com"], subject: "Factura \(key) \(index) rechazada",
                 body: "Hola:\n\nLa factura \(index) fue rechazada.\n\nSaludos", messageID: "\(key)-\(index)@mail.andina.cl")
    }

    @Test func listShowsTheFolderAndRetryAllTicketsEachMessageThenMovesIt() throws {
        let desk = try E2EDesk("dlmove", options: .init(soporteAfter: "move:Procesados", withVentas: false))
        for index in 1...2 { try desk.servers.deliver(Self.mail("dlmove", index).bytes, to: desk.soporte, folder: Self.folder) }

        let listed = try #require(try desk.json(["dead-letter", "list"]) as? [[String: Any]])
        #expect(listed.count == 2)
        #expect(listed.compactMap { $0.string("from") } == ["cliente1.dlmove@andina.cl", "cliente2.dlmove@andina.cl"])
        #expect(listed.first?.string("subject") == "Factura dlmove 1 rechazada")
        #expect(listed.allSatisfy { ($0["size"] as? Int ?? 0) > 100 && $0.string("date") != nil && $0["uid"] is Int })
        let table = try desk.succeed(["dead-letter", "list"])
        #expect(table.contains("Factura dlmove 2 rechazada") && table.contains("UID"), "\(table)")

        let retried = try desk.succeed(["dead-letter", "retry", "--all"])
        #expect(retried.split(separator: "\n").count == 2 && retried.contains("new_ticket"), "\(retried)")
        #expect(try desk.tickets().count == 2)
        #expect(try desk.maildir(folder: Self.folder).isEmpty, "moved out only after the commit")
        #expect(try desk.maildir(folder: "Procesados").count == 2)
        #expect(try desk.succeed(["dead-letter", "list"]).contains("(nada en \(Self.folder))"))
        try desk.runOnce()
        #expect(try desk.received(to: "cliente1.dlmove@andina.cl").count == 1, "acknowledged like a polled message")
    }

    @Test func retryOfOneUIDWithAfterSeenMarksItAndASecondRetryIsADuplicate() throws {
        let desk = try E2EDesk("dlseen", options: .init(withVentas: false))
        for index in 1...2 { try desk.servers.deliver(Self.mail("dlseen", index).bytes, to: desk.soporte, folder: Self.folder) }
        let listed = try #require(try desk.json(["dead-letter", "list", "--mailbox", "soporte"]) as? [[String: Any]])
        let uid = try #require(listed.last?["uid"] as? Int)

        let once = try desk.succeed(["dead-letter", "retry", "--mailbox", "soporte", String(uid)])
        #expect(once.contains("new_ticket"), "\(once)")
        #expect(try desk.tickets().count == 1)
        let messages = try desk.maildir(folder: Self.folder)
        #expect(messages.count == 2)
        #expect(messages.filter(\.isSeen).count == 1, "only the retried one is marked")

        let twice = try desk.succeed(["dead-letter", "retry", "--mailbox", "soporte", String(uid)])
        #expect(twice.contains("duplicate"), "\(twice)")
        #expect(try desk.tickets().count == 1)

        let missing = try desk.buzon(["dead-letter", "retry", "--mailbox", "soporte", "999"])
        #expect(missing.status == 75 && missing.stderr.contains("no UID 999"), "\(missing.stderr)")
    }
}
