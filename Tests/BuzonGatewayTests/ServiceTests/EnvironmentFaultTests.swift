import Testing
import Foundation
import CSQLite
import BuzonStore
import BuzonTransport
@testable import BuzonGateway
@testable import BuzonTesting

/// Issue #10 item 2: a fault of the machine (a full disk, a read-only database, a lock held
/// too long) is not the message's fault: the poll fails and backs off, the message stays
/// unmarked, and no number of such polls dead-letters it.
@Suite struct EnvironmentFaultTests {
    static let full = StoreError(kind: .sqlite(code: SQLITE_FULL), message: "database or disk is full",
                                 operation: "INSERT INTO raw_messages")

    @Test func aFullDiskNeverCountsAgainstTheMessage() throws {
        let desk = try TestDesk()
        let inbox = desk.mailboxes["soporte"]!
        inbox.append(Mails.request(1, from: "c1@andina.cl").bytes)
        desk.processor.beforeCommit = { _ in throw Self.full }
        let poller = desk.makePoller(maxAttempts: 3)
        for _ in 1...6 {
            #expect(throws: StoreError.self) { try poller.poll() }
        }
        #expect(inbox.marks.isEmpty)
        #expect(inbox.messages(in: "Buzon-DeadLetter").isEmpty)
        #expect(desk.log.count(event: "message.deferred") == 6)
        #expect(desk.log.count(event: "message.failed") == 0)
        #expect(try desk.store.mailboxState(name: "soporte")?.deadLetters == 0)

        desk.processor.beforeCommit = nil
        #expect(try poller.poll().processed == 1)
        #expect(inbox.messages().allSatisfy { $0.seen })
    }

    /// In the daemon the fault backs the mailbox off like a server outage: logged, retried
    /// after the backoff, recovered when the fault is gone.
    @Test func theGatewayBacksTheMailboxOffAndRecovers() throws {
        let desk = try TestDesk()
        desk.mailboxes["soporte"]!.append(Mails.request(1, from: "c1@andina.cl").bytes)
        let gateway = desk.makeGateway()
        // The gateway builds its own processor: the fault comes from the disk instead.
        let attachments = desk.directory.path + "/attachments"
        try? FileManager.default.removeItem(atPath: attachments)
        try Data().write(to: URL(fileURLWithPath: attachments))  // a file where the directory should be: ENOTDIR
        var mail = Mails.request(2, from: "c2@andina.cl")
        mail.attachment = (filename: "a.pdf", contentType: "application/pdf", data: Array("%PDF".utf8))
        desk.mailboxes["soporte"]!.append(mail.bytes)

        let first = try gateway.runOnce()
        #expect(first.mailboxesFailed == 1)
        #expect(desk.log.lines(event: "mailbox.poll_failed").first?.contains("retry_in_s=5") == true)
        #expect(desk.mailboxes["soporte"]!.messages(in: "Buzon-DeadLetter").isEmpty)

        try FileManager.default.removeItem(atPath: attachments)
        desk.clock.advance(by: 10)
        let second = try gateway.runOnce()
        #expect(second.mailboxesFailed == 0)
        #expect(try desk.tickets().count == 2)
        #expect(desk.log.count(event: "mailbox.recovered") == 1)
    }
}
