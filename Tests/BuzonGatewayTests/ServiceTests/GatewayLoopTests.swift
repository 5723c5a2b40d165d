import Testing
import Foundation
import BuzonStore
import BuzonTransport
@testable import BuzonGateway
@testable import BuzonTesting

/// The daemon loop: a failing mailbox does not stop the others and is logged once per
/// distinct error; stop and reload requests; the metrics file.
@Suite struct GatewayLoopTests {
    final class LockedFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var flag = false
        var value: Bool {
            get { lock.withLock { flag } }
            set { lock.withLock { flag = newValue } }
        }
    }

    static let refused = TransportError(.network, operation: "IMAP connect 127.0.0.1:1143", message: "connection refused", code: 7)
    static let badLogin = TransportError(.authentication, operation: "IMAP LOGIN soporte", message: "authentication failed")

    @Test func failingMailboxIsBackedOffAndLoggedOncePerDistinctErrorWhileTheOtherIsPolled() throws {
        let desk = try TestDesk()
        let soporte = desk.mailboxes["soporte"]!
        let ventas = desk.mailboxes["ventas"]!
        soporte.append(Mails.request(1, from: "cliente1@andina.cl").bytes)
        ventas.append(Mails.request(2, from: "cliente2@andina.cl").bytes)
        soporte.failAlways(.open, with: Self.refused)
        let gateway = desk.makeGateway()

        let first = try gateway.runOnce()
        #expect(first.processed == 1)
        #expect(try desk.tickets().map(\.department) == ["Ventas"])
        #expect(ventas.messages().allSatisfy { $0.seen })
        let failures = desk.log.lines(event: "mailbox.poll_failed")
        #expect(failures.count == 1)
        #expect(failures.first?.contains("mailbox=soporte") == true)
        #expect(failures.first?.contains("retry_in_s=5") == true)
        #expect(try desk.store.mailboxState(name: "soporte")?.lastError?.contains("connection refused") == true)

        // The same outage again and again: no new log line.
        for _ in 0..<3 {
            desk.clock.advance(by: 300)
            try gateway.runOnce()
        }
        #expect(desk.log.count(event: "mailbox.poll_failed") == 1)
        #expect(gateway.metrics.render(ticketsByState: [:], outboxDepth: 0, outboxFailed: 0)
            .contains("buzon_poll_errors_total{mailbox=\"soporte\"} 4"))

        // A different reason is news: logged, with the grown backoff (5 s · 2⁴).
        soporte.failAlways(.open, with: Self.badLogin)
        try gateway.runOnce()
        let lines = desk.log.lines(event: "mailbox.poll_failed")
        #expect(lines.count == 2)
        #expect(lines.last?.contains("authentication failed") == true)
        #expect(lines.last?.contains("retry_in_s=80") == true)

        // Recovery: logged once, and the waiting mail is processed.
        soporte.clearFaults()
        let recovered = try gateway.runOnce()
        #expect(recovered.processed == 1)
        let recoveredLines = desk.log.lines(event: "mailbox.recovered")
        #expect(recoveredLines.count == 1)
        #expect(recoveredLines.first?.contains("after_failures=5") == true)
        #expect(try desk.tickets().count == 2)
        #expect(try desk.store.mailboxState(name: "soporte")?.lastError == nil)
        try gateway.runOnce()
        #expect(desk.log.count(event: "mailbox.recovered") == 1)
    }

    @Test func runOnceSendsTheAcknowledgementsItQueued() throws {
        let desk = try TestDesk()
        desk.mailboxes["soporte"]!.append(Mails.anaRequest().bytes)
        let report = try desk.makeGateway().runOnce()
        #expect(report.processed == 1)
        #expect(report.outbox.sent == 1)
        #expect(desk.sender.sent.map(\.envelope.recipients) == [["ana@andina.cl"]])
        #expect(try desk.outbox().allSatisfy { $0.status == .sent })
    }

    @Test func runOnceClosesDueTicketsAndSendsTheNoticeInTheSameRound() throws {
        let desk = try TestDesk(start: DeskActionsTests.friday4pm)
        try desk.receive(Mails.anaRequest())
        try desk.makeDesk().reply("OP10044", from: "araceli.cruz@empresa.com", text: "Listo.")
        let gateway = desk.makeGateway()
        try gateway.runOnce()
        #expect(try desk.ticket("OP10044").summary.state == .answered)

        desk.clock.set(DeskActionsTests.tuesday4pm)
        let report = try gateway.runOnce()
        #expect(try desk.ticket("OP10044").summary.state == .closed)
        #expect(report.outbox.sent == 1)
        #expect(desk.sender.sent.count == 3)
        #expect(desk.parsedSent().last?.subject.contains("[OP10044]") == true)
        #expect(desk.log.count(event: "ticket.auto_closed") == 1)
    }

    @Test func anSMTPSenderThatCannotBeBuiltLeavesNoticesQueuedAndPollingGoesOn() throws {
        let desk = try TestDesk()
        desk.mailboxes["soporte"]!.append(Mails.request(1).bytes)
        let broken = TransportError(.configuration, operation: "SMTP configuration",
                                    message: "password_env BUZON_SMTP_PASSWORD is not set")
        let available = LockedFlag()
        let sender = desk.sender
        let gateway = desk.makeGateway(makeSender: { _ in
            guard available.value else { throw broken }
            return sender
        })

        let first = try gateway.runOnce()
        #expect(first.processed == 1)
        desk.mailboxes["soporte"]!.append(Mails.request(2, from: "luis@andina.cl").bytes)
        let second = try gateway.runOnce()
        #expect(second.processed == 1)
        #expect(try desk.outbox(template: "acknowledgement").allSatisfy { $0.status == .queued })
        #expect(desk.log.count(event: "outbox.sender_unavailable") == 1)

        available.value = true
        #expect(try gateway.runOnce().outbox.sent == 2)
    }

    @Test func metricsFileIsPrometheusText() throws {
        let desk = try TestDesk()
        let unknown = TestMail(from: "x@gmail.com", to: ["soporte@empresa.com"], subject: "Hola", body: "?", messageID: "x@gmail.com")
        for index in 1...2 { desk.mailboxes["soporte"]!.append(Mails.request(index, from: "c\(index)@andina.cl").bytes) }
        desk.mailboxes["soporte"]!.append(unknown.bytes)
        try desk.makeGateway().runOnce()

        let path = try #require(desk.runtime.config.metricsFile)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        for (name, type) in [("buzon_messages_processed_total", "counter"), ("buzon_tickets", "gauge"),
                             ("buzon_outbox_depth", "gauge"), ("buzon_processing_seconds", "histogram")] {
            #expect(lines.contains { $0.hasPrefix("# HELP \(name) ") })
            #expect(lines.contains("# TYPE \(name) \(type)"))
        }
        #expect(lines.contains("buzon_messages_processed_total{decision=\"new_ticket\"} 2"))
        #expect(lines.contains("buzon_messages_processed_total{decision=\"unknown_sender\"} 1"))
        #expect(lines.contains("buzon_tickets{state=\"waiting_on_support\"} 2"))
        #expect(lines.contains("buzon_outbox_depth 0"))
        #expect(lines.contains("buzon_outbox_sent_total 3"))

        let buckets = lines.filter { $0.hasPrefix("buzon_processing_seconds_bucket{") }
        #expect(buckets.count == GatewayMetrics.latencyBuckets.count + 1)
        let counts = buckets.compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }
        #expect(counts.count == buckets.count)
        #expect(zip(counts, counts.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(buckets.last?.hasPrefix("buzon_processing_seconds_bucket{le=\"+Inf\"}") == true)
        #expect(counts.last == 3)
        #expect(lines.contains("buzon_processing_seconds_count 3"))
        // Every sample line is `name{labels} value` or `name value` with a number.
        for line in lines where !line.hasPrefix("#") {
            #expect(line.split(separator: " ").last.flatMap { Double($0) } != nil, "not a sample: \(line)")
        }
    }
}
