import Testing
import BuzonTesting
import BuzonTransport

@Suite struct MemoryMailboxTests {
    @Test func behavesLikeOneFolder() throws {
        let mailbox = MemoryMailbox(uidValidity: 7)
        let first = mailbox.append(Array("uno".utf8))
        let second = mailbox.append(Array("dos-largo".utf8))
        mailbox.append(Array("visto".utf8), seen: true)
        let status = try mailbox.open()
        #expect(status == MailboxStatus(uidValidity: 7, uidNext: 4, messageCount: 3))
        #expect(try mailbox.search(afterUID: 0, unseenOnly: true) == [first, second])
        #expect(try mailbox.search(afterUID: first, unseenOnly: false) == [second, 3])
        let fetched = try mailbox.fetch(uids: [second, 99, first], maxBytes: 4)
        #expect(fetched == [FetchedMessage(uid: second, size: 9, bytes: Array("dos-".utf8), truncated: true),
                            FetchedMessage(uid: first, size: 3, bytes: Array("uno".utf8))])

        try mailbox.mark(uid: first, as: .move(folder: "Procesados"))
        try mailbox.mark(uid: second, as: .seen)
        try mailbox.mark(uid: 3, as: .delete)
        #expect(mailbox.messages(in: "Procesados").map(\.bytes) == [Array("uno".utf8)])
        #expect(mailbox.messages().map(\.uid) == [second])
        #expect(mailbox.messages().first?.seen == true)
        #expect(mailbox.marks.map(\.uid) == [first, second, 3])
        #expect(mailbox.calls.first == .open)
    }

    @Test func injectedFaultsAtEachStep() throws {
        let mailbox = MemoryMailbox()
        mailbox.append(Array("x".utf8))
        let network = TransportError(.network, operation: "IMAP FETCH", message: "reset")
        mailbox.failNext(.fetch, with: network)
        _ = try mailbox.open()
        let uids = try mailbox.search(afterUID: 0, unseenOnly: false)
        #expect(throws: TransportError.self) { try mailbox.fetch(uids: uids, maxBytes: 100) }
        #expect(!mailbox.isOpen)
        #expect(try mailbox.fetch(uids: uids, maxBytes: 100).count == 1)

        mailbox.failAlways(.mark, with: TransportError(.permanentRejection, operation: "IMAP STORE", message: "NO"))
        for _ in 1 ... 3 { #expect(throws: TransportError.self) { try mailbox.mark(uid: 1, as: .seen) } }
        #expect(mailbox.marks.isEmpty)
        mailbox.clearFaults()
        try mailbox.mark(uid: 1, as: .seen)
        #expect(mailbox.marks.count == 1)
    }

    @Test func uidValidityChangeRenumbers() throws {
        let mailbox = MemoryMailbox(uidValidity: 1)
        mailbox.append([1]); mailbox.append([2])
        mailbox.expunge(uid: 1)
        mailbox.changeUIDValidity(to: 2)
        #expect(try mailbox.open().uidValidity == 2)
        #expect(try mailbox.search(afterUID: 0, unseenOnly: false) == [1])
    }
}

@Suite struct MemorySenderTests {
    @Test func recordsSentMessagesAndInjectedFailures() throws {
        let sender = MemorySender()
        let envelope = Envelope(from: "", recipients: ["ana@andina.cl"])
        sender.failNext(with: TransportError(.temporaryRejection, operation: "SMTP", message: "451", code: 451), times: 2)
        #expect(throws: TransportError.self) { try sender.send(envelope, message: [1]) }
        #expect(throws: TransportError.self) { try sender.send(envelope, message: [1]) }
        try sender.send(envelope, message: [1])
        #expect(sender.attempts == 3)
        #expect(sender.sent == [MemorySender.Sent(envelope: envelope, message: [1])])

        sender.refuseRecipients { $0.hasPrefix("reject") ? TransportError(.permanentRejection, operation: "SMTP", message: "550", code: 550) : nil }
        let error = #expect(throws: TransportError.self) {
            try sender.send(Envelope(from: "a@b.cl", recipients: ["ok@b.cl", "reject@b.cl"]), message: [2])
        }
        #expect(error?.code == 550)
        #expect(sender.sent.count == 1)
    }
}
