import Foundation
import Testing
@testable import BuzonStore

/// `buzon run` and `buzon deliver` open the same file: WAL plus the busy timeout let them take turns.
@Suite struct SharedFileTests {
    @Test func twoStoresOnOneFileWriteAlternately() throws {
        let directory = try TemporaryDirectory()
        let run = try directory.openStore()
        let deliver = try directory.openStore()
        var numbers: [String] = []
        for round in 0..<20 {
            let writer = round.isMultiple(of: 2) ? run : deliver
            let reader = round.isMultiple(of: 2) ? deliver : run
            let number = try writer.transaction { try writer.makeTicket() }
            numbers.append(number.number)
            #expect(try reader.ticket(number: number.number) != nil, "a commit is visible to the other connection")
        }
        #expect(Set(numbers).count == 20)
        #expect(try run.tickets().count == 20)
    }

    @Test func aWriterWaitsForTheOtherWritersTransaction() throws {
        let directory = try TemporaryDirectory()
        let first = try directory.openStore()
        let second = try directory.openStore()
        let holding = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        // `first` holds the write lock for 300 ms on another thread; `second` must wait, not fail.
        let holder = Thread {
            _ = try? first.transaction {
                _ = try first.makeTicket()
                holding.signal()
                Thread.sleep(forTimeInterval: 0.3)
            }
            released.signal()
        }
        holder.start()
        holding.wait()
        let started = Date()
        let number = try second.transaction { try second.makeTicket() }.number
        released.wait()
        #expect(Date().timeIntervalSince(started) >= 0.2, "the second writer waited for the first")
        #expect(number == "OP10001", "the second writer saw the first one's committed allocation")
    }

    @Test func oneStoreIsSafeToShareBetweenTasks() async throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<10 {
                        try store.transaction {
                            let number = try store.makeTicket().number
                            try store.addEvent(ticket: number, type: .created, at: Clock.start)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try store.tickets().count == 80)
        #expect(try store.database.queryFirst("SELECT count(*) FROM events") { $0.int(0) } == 80)
    }
}
