import Testing
import Foundation
@testable import BuzonGateway
@testable import BuzonTesting

/// Issue #10 item 12: `duration_ms` in `message.processed` is each message's own time (its
/// parse and its savepoint), not the batch's average.
@Suite struct ProcessorDurationTests {
    @Test func eachMessageLogsItsOwnDurationNotTheBatchAverage() throws {
        let desk = try TestDesk()
        var big = Mails.request(2, from: "c2@andina.cl")
        var state: UInt64 = 42
        big.attachment = (filename: "volcado.bin", contentType: "application/octet-stream",
                          data: (0..<3_000_000).map { _ in
                              state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                              return UInt8(truncatingIfNeeded: state >> 33)
                          })
        let items = [Mails.request(1, from: "c1@andina.cl").bytes, big.bytes, Mails.request(3, from: "c3@andina.cl").bytes]
            .map { MessageProcessor.Item(raw: $0) }
        let mailbox = try #require(desk.runtime.config.mailboxes.first)
        _ = try desk.processor.processBatch(items, mailbox: mailbox)

        let durations = desk.log.lines(event: "message.processed").compactMap { line -> Double? in
            guard let field = line.split(separator: " ").first(where: { $0.hasPrefix("duration_ms=") }) else { return nil }
            return Double(field.dropFirst("duration_ms=".count))
        }
        try #require(durations.count == 3)
        // Decoding, hashing and writing 3 MB takes far longer than a one-paragraph message.
        #expect(durations[1] > durations[0] && durations[1] > durations[2], "\(durations)")
    }
}
