import Testing
import Foundation
import BuzonMIME
import BuzonStore
import BuzonTickets
import BuzonTransport
@testable import BuzonGateway
@testable import BuzonTesting

/// "Nothing lost, nothing doubled": whatever step of a poll fails, polling again with the
/// fault gone leaves every message exactly once in the store, with exactly one
/// acknowledgement, and marked on the server exactly once.
@Suite struct NothingLostTests {
    static let afterModes = ["seen", "move:Procesados", "delete"]

    /// Five requests from five customers in the `soporte` fake, fetched two at a time.
    private func makeDesk(after: String) throws -> (TestDesk, MemoryMailbox) {
        var options = TestDesk.Options()
        options.after = after
        options.batchSize = 2
        let desk = try TestDesk(options)
        let inbox = desk.mailboxes["soporte"]!
        for index in 1...Crash.messageCount {
            inbox.append(Mails.request(index, from: "cliente\(index)@andina.cl").bytes)
        }
        return (desk, inbox)
    }

    @Test(arguments: Crash.allCases, afterModes)
    func crashAnywhereThenRepollRecordsEachMessageOnce(crash: Crash, after: String) throws {
        let (desk, inbox) = try makeDesk(after: after)
        let poller = desk.makePoller()
        let injector = CrashInjector()
        injector.arm(crash, processor: desk.processor, mailbox: inbox)
        _ = try? poller.poll()
        // The crash happened: some message is not finished yet.
        #expect(inbox.marks.count < Crash.messageCount)

        desk.processor.beforeCommit = nil
        inbox.clearFaults()
        let second = try desk.makePoller().poll()
        #expect(second.failed == 0)
        try expectEachMessageOnce(desk, inbox: inbox, after: after)
        // A third poll finds nothing left to do.
        let third = try desk.makePoller().poll()
        #expect(third.fetched == 0)
        try expectEachMessageOnce(desk, inbox: inbox, after: after)
    }

    @Test func markFailingAfterCommitIsADuplicateOnThenextPollAndThenMarked() throws {
        let desk = try TestDesk()
        let inbox = desk.mailboxes["soporte"]!
        inbox.append(Mails.request(1).bytes)
        inbox.failNext(.mark, with: TransportError(.network, operation: "IMAP UID STORE 1", message: "connection reset"))

        #expect(throws: TransportError.self) { try desk.makePoller().poll() }
        // Committed but not marked: the ticket exists, the server still shows the mail unread.
        #expect(try desk.tickets().count == 1)
        #expect(inbox.marks.isEmpty)
        #expect(inbox.messages().first?.seen == false)

        let report = try desk.makePoller().poll()
        #expect(report.processed == 1)
        #expect(desk.log.lines(event: "message.processed").last?.contains("decision=duplicate") == true)
        #expect(inbox.marks.map(\.uid) == [1])
        #expect(inbox.messages().first?.seen == true)
        #expect(try desk.tickets().count == 1)
        #expect(try desk.outbox(template: "acknowledgement").count == 1)
    }

    @Test func aMessageFailingThreeTimesGoesToTheDeadLetterFolderAndTheOthersGoOn() throws {
        let (desk, inbox) = try makeDesk(after: "seen")
        let poison = Mails.request(3, from: "cliente3@andina.cl").bytes
        let poisonKey = DedupeKey.make(message: MessageParser().parse(poison), raw: poison)
        desk.processor.beforeCommit = { result in
            if result.dedupeKey == poisonKey { throw InjectedCrash(step: "store refuses message 3") }
        }
        let poller = desk.makePoller()
        let first = try poller.poll()
        #expect(first.processed == 4)
        #expect(first.failed == 1)
        #expect(first.deadLettered == 0)
        _ = try poller.poll()
        #expect(inbox.messages(in: "Buzon-DeadLetter").isEmpty)
        let third = try poller.poll()
        #expect(third.deadLettered == 1)

        #expect(inbox.messages(in: "Buzon-DeadLetter").map(\.bytes) == [poison])
        #expect(inbox.messages().count == 4)
        #expect(try desk.store.mailboxState(name: "soporte")?.deadLetters == 1)
        #expect(desk.log.count(event: "message.dead_lettered") == 1)
        #expect(desk.log.count(event: "message.failed") == 3)
        #expect(try desk.incomingMessageIDs().sorted() == ["req-1@andina.cl", "req-2@andina.cl", "req-4@andina.cl", "req-5@andina.cl"])
        #expect(try desk.outbox(template: "acknowledgement").count == 4)
        // Nothing is tried again once the message is out of the way.
        let fourth = try poller.poll()
        #expect(fourth.fetched == 0)
        #expect(desk.log.count(event: "message.failed") == 3)
    }

    @Test func aMessageFailingOnceIsProcessedOnTheNextPollNotDeadLettered() throws {
        let (desk, inbox) = try makeDesk(after: "seen")
        var failuresLeft = 1
        desk.processor.beforeCommit = { result in
            guard result.ticketNumber != nil, failuresLeft > 0 else { return }
            failuresLeft -= 1
            throw InjectedCrash(step: "first decision")
        }
        let poller = desk.makePoller()
        #expect(try poller.poll().failed == 1)
        let second = try poller.poll()
        #expect(second.processed == 1)
        #expect(second.deadLettered == 0)
        #expect(inbox.messages(in: "Buzon-DeadLetter").isEmpty)
        #expect(try desk.store.mailboxState(name: "soporte")?.deadLetters == 0)
        try expectEachMessageOnce(desk, inbox: inbox, after: "seen")
    }

    @Test func uidValidityChangeRescansWithoutDoubles() throws {
        let desk = try TestDesk()
        let inbox = desk.mailboxes["soporte"]!
        for index in 1...3 { inbox.append(Mails.request(index, from: "cliente\(index)@andina.cl").bytes) }
        // The batch commits (one transaction), then the mark of message 2 fails; message 3
        // is never marked.
        var commits = 0
        desk.processor.beforeCommit = { _ in
            commits += 1
            if commits == 2 { inbox.failNext(.mark, with: TransportError(.network, operation: "IMAP", message: "reset")) }
        }
        #expect(throws: TransportError.self) { try desk.makePoller().poll() }
        desk.processor.beforeCommit = nil
        #expect(try desk.tickets().count == 3)

        // The folder is recreated: new UIDVALIDITY, UIDs from 1 again, and a new message arrives.
        inbox.changeUIDValidity(to: 7)
        inbox.append(Mails.request(4, from: "cliente4@andina.cl").bytes)
        let report = try desk.makePoller().poll()

        #expect(desk.log.count(event: "mailbox.uidvalidity_changed") == 1)
        #expect(report.processed == 4, "three duplicates recognised by the ledger, one new")
        #expect(try desk.incomingMessageIDs().sorted() == (1...4).map { "req-\($0)@andina.cl" })
        #expect(try desk.outbox(template: "acknowledgement").count == 4)
        #expect(inbox.messages().allSatisfy { $0.seen })
        #expect(try desk.store.mailboxState(name: "soporte")?.uidValidity == 7)
        #expect(try desk.store.mailboxState(name: "soporte")?.lastUID == 4)
    }

    /// Every message once in the store, once acknowledged, once marked, and gone from the
    /// inbox the way `after` says.
    private func expectEachMessageOnce(_ desk: TestDesk, inbox: MemoryMailbox, after: String,
                                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let n = Crash.messageCount
        let expected = (1...n).map { "req-\($0)@andina.cl" }
        #expect(try desk.incomingMessageIDs().sorted() == expected, sourceLocation: sourceLocation)
        #expect(try desk.tickets().count == n, sourceLocation: sourceLocation)
        let acks = try desk.outbox(template: "acknowledgement")
        #expect(acks.count == n, sourceLocation: sourceLocation)
        #expect(Set(acks.flatMap(\.message.recipients)) == Set((1...n).map { "cliente\($0)@andina.cl" }),
                sourceLocation: sourceLocation)
        #expect(inbox.marks.map(\.uid).sorted() == (1...n).map(UInt32.init), sourceLocation: sourceLocation)
        switch after {
        case "seen":
            #expect(inbox.messages().count == n && inbox.messages().allSatisfy { $0.seen }, sourceLocation: sourceLocation)
        case "delete":
            #expect(inbox.messages().isEmpty, sourceLocation: sourceLocation)
        default:
            #expect(inbox.messages().isEmpty, sourceLocation: sourceLocation)
            #expect(inbox.messages(in: "Procesados").count == n, sourceLocation: sourceLocation)
        }
    }
}
