import Foundation
import Testing
@testable import BuzonStore

/// The issue's target: ≥ 2,000 small messages/s decided and stored, on disk, durability on.
/// Measured, printed, never asserted on time (shared machines vary); the counts are asserted.
/// More messages: `BUZON_STORE_BENCH_MESSAGES=5000 swift test --filter ThroughputTests`.
@Suite(.serialized) struct ThroughputTests {
    static let messageCount = ProcessInfo.processInfo.environment["BUZON_STORE_BENCH_MESSAGES"].flatMap(Int.init) ?? 300

    /// CPU time (user + system) of the calling thread.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// What the gateway does for one new message, in one transaction.
    static func storeOne(_ store: TicketStore, index: Int, raw: [UInt8], ack: [UInt8], at date: Date) throws {
        try store.transaction {
            let key = "key-\(index)"
            guard try store.knownMessage(dedupeKey: key) == nil else { return }
            _ = try store.ticket(referencingMessageIDs: ["prev-\(index)@andina.cl", "other-\(index)@andina.cl"])
            let number = try store.allocateTicketNumber(prefix: "OP", first: 10000)
            try store.createTicket(NewTicket(number: number, subject: "Consulta \(index)", organization: "Andina",
                                             contactAddress: "ana@andina.cl", department: "Soporte", category: "Soporte",
                                             createdAt: date))
            var unique = raw
            unique.append(contentsOf: Array("\(index)".utf8))
            try store.addMessage(MessageRecord(ticketNumber: number, direction: .incoming, author: .customer,
                                               fromAddress: "ana@andina.cl", to: ["soporte@empresa.com"],
                                               messageID: "m\(index)@andina.cl", subject: "Consulta \(index)",
                                               reply: "La impresora no imprime desde ayer.", body: "La impresora no imprime desde ayer.",
                                               raw: unique, mailbox: "soporte", receivedAt: date))
            try store.addEvent(ticket: number, type: .created, at: date)
            try store.addEvent(ticket: number, type: .acknowledgementQueued, at: date)
            try store.enqueue(OutboxMessage(ticketNumber: number, template: "acknowledgement", envelopeFrom: "soporte@empresa.com",
                                            recipients: ["ana@andina.cl"], messageID: "ack-\(number)@empresa.com", bytes: ack,
                                            automatic: true, createdAt: date))
            try store.recordProcessed(dedupeKey: key, ticketNumber: number, mailbox: "soporte", outcome: "created", at: date)
        }
    }

    /// Both modes in one test, one after the other: parameterized cases would run in parallel
    /// and measure each other.
    @Test func messagesPerSecondWithNormalThenFullSync() throws {
        for durability in [Durability.normal, .full] {
            try measure(durability: durability, messagesPerCommit: 1)
        }
        // Group commit: one outer transaction per poll batch, each message a savepoint inside it,
        // so FULL pays one fsync per batch instead of one per message.
        try measure(durability: .full, messagesPerCommit: 50)
    }

    private func measure(durability: Durability, messagesPerCommit: Int) throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore(durability: durability)
        let raw = [UInt8](repeating: UInt8(ascii: "x"), count: 3 * 1024)
        let ack = [UInt8](repeating: UInt8(ascii: "y"), count: 3 * 1024)
        let count = Self.messageCount
        let clock = ContinuousClock()
        let cpuBefore = Self.threadCPUSeconds()
        let elapsed = try clock.measure {
            for batch in stride(from: 0, to: count, by: messagesPerCommit) {
                try store.transaction {
                    for index in batch..<min(batch + messagesPerCommit, count) {
                        try Self.storeOne(store, index: index, raw: raw, ack: ack, at: Clock.start)
                    }
                }
            }
        }
        let cpu = Self.threadCPUSeconds() - cpuBefore
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // Wall time depends on the disk and on neighbours; CPU time (user + system, this thread:
        // the suite is serialized and a synchronous test does not hop threads) says what one idle
        // core could do.
        print("BuzonStore throughput, synchronous=\(durability.rawValue), \(messagesPerCommit) message(s)/commit: \(count) messages in \(String(format: "%.3f", seconds)) s wall = \(Int(Double(count) / seconds)) messages/s; CPU \(String(format: "%.0f", cpu / Double(count) * 1e6)) µs/message = \(Int(Double(count) / cpu)) messages/s per core")
        #expect(try store.tickets().count == count)
        #expect(try store.outboxDepth() == count)
        #expect(try store.database.queryFirst("SELECT count(*) FROM events") { $0.int(0) } == 2 * count)
    }

    /// The cost of one indexed read through the wrapper (statement cache, binds, step, reset).
    @Test func indexedLookupCost() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore(durability: .normal)
        let number = try store.makeTicket().number
        try store.recordProcessed(dedupeKey: "k", ticketNumber: number, mailbox: "soporte", outcome: "created", at: Clock.start)
        let count = 20_000
        var found = 0
        let cpuBefore = Self.threadCPUSeconds()
        for index in 0..<count where try store.knownMessage(dedupeKey: index.isMultiple(of: 2) ? "k" : "absent") != nil {
            found += 1
        }
        let cpu = Self.threadCPUSeconds() - cpuBefore
        print("BuzonStore lookup: knownMessage(dedupeKey:) CPU \(String(format: "%.1f", cpu / Double(count) * 1e6)) µs/call")
        #expect(found == count / 2)
    }
}
