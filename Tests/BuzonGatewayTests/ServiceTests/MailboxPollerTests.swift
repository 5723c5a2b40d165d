import Testing
import Foundation
import BuzonMIME
import BuzonStore
import BuzonTransport
@testable import BuzonGateway
@testable import BuzonTesting

/// The poller's ordinary behaviour: batches, stop requests, read-only fetches, copies
/// without Message-ID.
@Suite struct MailboxPollerTests {
    @Test func fetchesInBatchesOldestFirstAndSavesTheLastUID() throws {
        var options = TestDesk.Options()
        options.batchSize = 2
        let desk = try TestDesk(options)
        let inbox = desk.mailboxes["soporte"]!
        for index in 1...5 { inbox.append(Mails.request(index, from: "c\(index)@andina.cl").bytes) }
        let report = try desk.makePoller().poll()

        #expect(report.fetched == 5)
        #expect(report.processed == 5)
        let fetches = inbox.calls.compactMap { call -> [UInt32]? in
            if case .fetch(let uids, _) = call { return uids } else { return nil }
        }
        #expect(fetches == [[1, 2], [3, 4], [5]])
        #expect(inbox.calls.first == .open)
        // The first poll bootstraps: seen mail up to UIDNEXT − 1 is history, later UIDs all count.
        #expect(inbox.calls.contains(.search(afterUID: 0, unseenOnly: true)))
        #expect(inbox.calls.contains(.search(afterUID: 5, unseenOnly: false)))
        #expect(try desk.incomingMessageIDs().sorted() == (1...5).map { "req-\($0)@andina.cl" })
        #expect(try desk.store.mailboxState(name: "soporte")?.lastUID == 5)
        // The next poll searches only after the saved UID, seen or not.
        let before = inbox.calls.count
        _ = try desk.makePoller().poll()
        #expect(inbox.calls[before...].contains(.search(afterUID: 5, unseenOnly: false)))
        #expect(!inbox.calls[before...].contains(.search(afterUID: 5, unseenOnly: true)))
    }

    /// Issue #10 item 1: mail a colleague opened (\Seen) before the poll is still work once
    /// the mailbox has a ledger; only the bootstrap leaves the read history alone.
    @Test func mailSeenByAColleagueAfterTheBootstrapStillBecomesATicket() throws {
        let desk = try TestDesk()
        let inbox = desk.mailboxes["soporte"]!
        inbox.append(Mails.request(1, from: "c1@andina.cl").bytes, seen: true)  // read history
        inbox.append(Mails.request(2, from: "c2@andina.cl").bytes)
        #expect(try desk.makePoller().poll().processed == 1)
        #expect(try desk.incomingMessageIDs() == ["req-2@andina.cl"])

        inbox.append(Mails.request(3, from: "c3@andina.cl").bytes, seen: true)  // opened in webmail first
        #expect(try desk.makePoller().poll().processed == 1)
        #expect(try desk.incomingMessageIDs().sorted() == ["req-2@andina.cl", "req-3@andina.cl"])
        #expect(try desk.store.mailboxState(name: "soporte")?.unseenThrough == nil)
    }

    /// A bootstrap cut short (a stop request) keeps its ceiling: the next poll still leaves the
    /// seen history below it alone and takes the unseen rest.
    @Test func anInterruptedBootstrapKeepsItsCeiling() throws {
        let desk = try TestDesk(TestDesk.Options(batchSize: 1))
        let inbox = desk.mailboxes["soporte"]!
        inbox.append(Mails.request(1, from: "c1@andina.cl").bytes)
        inbox.append(Mails.request(2, from: "c2@andina.cl").bytes)
        inbox.append(Mails.request(3, from: "c3@andina.cl").bytes, seen: true)
        var processed = 0
        desk.processor.beforeCommit = { _ in processed += 1 }
        #expect(try desk.makePoller().poll(shouldStop: { processed >= 1 }).processed == 1)
        #expect(try desk.store.mailboxState(name: "soporte")?.unseenThrough == 3)

        desk.processor.beforeCommit = nil
        #expect(try desk.makePoller().poll().processed == 1)
        #expect(try desk.incomingMessageIDs().sorted() == ["req-1@andina.cl", "req-2@andina.cl"])
    }

    /// Group commit keeps messages independent: one that fails inside a batch rolls back
    /// alone (its savepoint), the others commit and are marked, and it is retried next poll.
    @Test func aFailingMessageRollsBackAloneInsideItsBatch() throws {
        let desk = try TestDesk()
        let inbox = desk.mailboxes["soporte"]!
        for index in 1...3 { inbox.append(Mails.request(index, from: "c\(index)@andina.cl").bytes) }
        var calls = 0
        desk.processor.beforeCommit = { _ in
            calls += 1
            if calls == 2 { throw InjectedCrash(step: "at the second message of the batch") }
        }
        let report = try desk.makePoller().poll()

        #expect(report.processed == 2)
        #expect(report.failed == 1)
        #expect(inbox.marks.map(\.uid) == [1, 3])
        #expect(try desk.incomingMessageIDs().sorted() == ["req-1@andina.cl", "req-3@andina.cl"])
        #expect(try desk.store.mailboxState(name: "soporte")?.lastUID == 1, "the saved UID stops before the failed message")

        desk.processor.beforeCommit = nil
        #expect(try desk.makePoller().poll().processed == 1)
        #expect(try desk.incomingMessageIDs().sorted() == ["req-1@andina.cl", "req-2@andina.cl", "req-3@andina.cl"])
        #expect(try desk.outbox(template: "acknowledgement").count == 3)
    }

    /// The poller commits a fetched batch at once (group commit), so a stop request is
    /// honoured between batches: with `batch_size = 1` that is between messages.
    @Test func stopRequestFinishesTheBatchInHandAndLeavesTheRestForLater() throws {
        let desk = try TestDesk(TestDesk.Options(batchSize: 1))
        let inbox = desk.mailboxes["soporte"]!
        for index in 1...3 { inbox.append(Mails.request(index, from: "c\(index)@andina.cl").bytes) }
        var processed = 0
        desk.processor.beforeCommit = { _ in processed += 1 }
        let report = try desk.makePoller().poll(shouldStop: { processed >= 1 })

        #expect(report.processed == 1)
        #expect(inbox.marks.map(\.uid) == [1])
        #expect(inbox.messages().filter { !$0.seen }.count == 2)
        #expect(try desk.store.mailboxState(name: "soporte")?.lastUID == 1)

        desk.processor.beforeCommit = nil
        #expect(try desk.makePoller().poll().processed == 2)
        #expect(try desk.incomingMessageIDs().sorted() == ["req-1@andina.cl", "req-2@andina.cl", "req-3@andina.cl"])
    }

    @Test func oversizedMessageIsFetchedInPartAndStillBecomesATicket() throws {
        var options = TestDesk.Options()
        options.maxMessageBytes = 4096
        let desk = try TestDesk(options)
        var big = Mails.anaRequest()
        big.attachment = (filename: "volcado.bin", contentType: "application/octet-stream",
                          data: [UInt8](repeating: 0x41, count: 20_000))
        let size = big.bytes.count
        desk.mailboxes["soporte"]!.append(big.bytes)

        let report = try desk.makePoller().poll()
        #expect(report.processed == 1)
        let detail = try desk.ticket("OP10044")
        #expect(detail.summary.subject == "No puedo emitir facturas")
        let event = try #require(detail.events.first { $0.type.rawValue == "oversized" })
        #expect(event.detail.contains("\(size) bytes > limit 4096"))
        let incoming = try #require(detail.messages.first { $0.direction == .incoming })
        #expect(incoming.body.hasPrefix("[Buzón: message of \(size) bytes"))
        #expect(try incoming.rawSHA256.flatMap { try desk.store.rawMessage(sha256: $0) }?.count == 4096)
        #expect(try desk.outbox(template: "acknowledgement").count == 1)
        // Kept on the server, seen and flagged for an operator; the cut attachment says so.
        #expect(desk.mailboxes["soporte"]!.messages().allSatisfy { $0.seen && $0.flagged })
        #expect(incoming.attachments.map(\.truncated) == [true])
        let acknowledgement = try #require(try desk.outbox(template: "acknowledgement").first)
        #expect(String(decoding: acknowledgement.message.bytes, as: UTF8.self).contains("supera el tama"))
    }

    /// Issue #10 item 5: with `after = "delete"` (or `move`) a message stored in part is not
    /// expunged: it goes whole to the oversized folder, which Buzón never expunges.
    @Test func oversizedMessageIsMovedToTheOversizedFolderNeverDeleted() throws {
        var options = TestDesk.Options()
        options.maxMessageBytes = 4096
        options.after = "delete"
        let desk = try TestDesk(options)
        var big = Mails.anaRequest()
        big.attachment = (filename: "volcado.bin", contentType: "application/octet-stream",
                          data: [UInt8](repeating: 0x41, count: 20_000))
        let inbox = desk.mailboxes["soporte"]!
        inbox.append(big.bytes)
        inbox.append(Mails.request(2, from: "c2@andina.cl").bytes)

        #expect(try desk.makePoller().poll().processed == 2)
        #expect(inbox.messages().isEmpty)
        #expect(inbox.marks.map(\.action) == [.delete, .move(folder: "Buzon-Oversized")])
        #expect(inbox.messages(in: "Buzon-Oversized").map(\.bytes) == [big.bytes])
        let acknowledgements = try desk.outbox(template: "acknowledgement").map { String(decoding: $0.message.bytes, as: UTF8.self) }
        #expect(acknowledgements.filter { $0.contains("supera el tama") }.count == 1)
    }

    /// Issue #10 item 11: batches stop growing at `batch_bytes`; a message larger than that
    /// is a batch alone and is still stored whole.
    @Test func batchesAreBoundedByBytesAndALargeMessageIsABatchAlone() throws {
        var options = TestDesk.Options()
        options.batchBytes = 2_000
        let desk = try TestDesk(options)
        let inbox = desk.mailboxes["soporte"]!
        var big = Mails.request(2, from: "c2@andina.cl")
        big.attachment = (filename: "plano.pdf", contentType: "application/pdf", data: [UInt8](repeating: 0x25, count: 40_000))
        inbox.append(Mails.request(1, from: "c1@andina.cl").bytes)
        inbox.append(big.bytes)
        inbox.append(Mails.request(3, from: "c3@andina.cl").bytes)
        inbox.append(Mails.request(4, from: "c4@andina.cl").bytes)
        #expect(try desk.makePoller().poll().processed == 4)
        let fetches = inbox.calls.compactMap { call -> [UInt32]? in
            if case .fetch(let uids, _) = call { return uids } else { return nil }
        }
        #expect(fetches == [[1], [2], [3], [4]] || fetches == [[1], [2], [3, 4]], "\(fetches)")
        let stored = try #require(try desk.ticket("OP10045").messages.first { $0.direction == .incoming })
        #expect(try stored.rawSHA256.flatMap { try desk.store.rawMessage(sha256: $0) } == big.bytes)
    }

    @Test func copiesWithoutMessageIDInTwoMailboxesAreOneTicket() throws {
        let desk = try TestDesk()
        var mail = Mails.request(1)
        mail.messageID = nil
        mail.to = ["soporte@empresa.com", "ventas@empresa.com"]
        // Each copy arrives with its own trace headers, which the dedupe key ignores.
        let soporteCopy = Array("Received: from mx1 by imap-soporte; Mon, 23 Nov 2026 09:15:02 -0300\r\n".utf8) + mail.bytes
        let ventasCopy = Array("Received: from mx1 by imap-ventas; Mon, 23 Nov 2026 09:15:04 -0300\r\nDelivered-To: ventas@empresa.com\r\n".utf8) + mail.bytes
        desk.mailboxes["soporte"]!.append(soporteCopy)
        desk.mailboxes["ventas"]!.append(ventasCopy)

        let report = try desk.makeGateway().runOnce()
        #expect(report.processed == 2)
        #expect(try desk.tickets().count == 1)
        #expect(try desk.outbox(template: "acknowledgement").count == 1)
        #expect(try desk.events("OP10044", .duplicateIgnored).count == 1)
        #expect(desk.mailboxes["ventas"]!.messages().allSatisfy { $0.seen })
    }
}
