import Foundation
import BuzonGateway
import BuzonStore

/// `buzon-bench store`: decide-and-store throughput — parse, trim, dedupe, authorize, thread,
/// decide and commit one transaction per message (ticket or follow-up, raw message, events,
/// the acknowledgement rendered into the outbox, the ledger) into SQLite on disk with
/// `synchronous = FULL` (durability on), on one thread. Measured twice: one commit per
/// message (`buzon deliver`), and one commit per batch of 50 with a savepoint per message (what
/// the IMAP poller does: one fsync per batch).
struct StoreBenchmark {
    var messages = 3000

    func run() throws {
        try run(batchSize: 1)
        try run(batchSize: 50)
    }

    func run(batchSize: Int) throws {
        let mail = SmallMail.make(count: messages)
        let bytes = mail.reduce(0) { $0 + $1.count }
        let desk = try BenchDesk(mailboxes: """
            [smtp]
            url = "smtp://127.0.0.1:2525"
            from = "soporte@empresa.com"

            [[mailbox]]
            name = "soporte"
            url = "imap://127.0.0.1:1143/INBOX"
            username = "soporte"
            password = "unused"
            address = "soporte@empresa.com"
            department = "Soporte"
            """)
        defer { desk.remove() }
        let logger = Logger(minimumLevel: .error)
        let processor = MessageProcessor(runtime: desk.runtime, store: desk.store, logger: logger)
        let mailbox = desk.runtime.config.mailboxes[0]
        let start = DispatchTime.now()
        var rules: [String: Int] = [:]
        for start in stride(from: 0, to: mail.count, by: batchSize) {
            let batch = mail[start..<min(start + batchSize, mail.count)].map { MessageProcessor.Item(raw: $0) }
            for outcome in try processor.processBatch(batch, mailbox: mailbox) {
                rules[try outcome.get().decision.rule.rawValue, default: 0] += 1
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let tickets = try desk.store.tickets().count
        let queued = try desk.store.outboxDepth()
        print("decide-and-store: \(messages) messages (\(bytes / messages) bytes avg) in \(String(format: "%.2f", seconds)) s"
              + " = \(Int(Double(messages) / seconds)) messages/s, " + (batchSize == 1 ? "one commit per message" : "one commit per \(batchSize) messages")
              + ", synchronous=FULL, WAL, on disk")
        print("  decisions: " + rules.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print("  tickets: \(tickets), acknowledgements queued: \(queued)")
    }
}
