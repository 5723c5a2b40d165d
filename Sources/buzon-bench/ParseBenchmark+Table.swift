import Foundation

extension ParseBenchmark {
    /// One line per implementation and set, with the ratio of Buzón's messages/s to each
    /// other row's (above 1 means Buzón's full parse + trim is faster). The first row is Buzón's.
    static func table(_ rows: [PeerBenchmark.Row]) -> String {
        func cell(_ text: String, _ width: Int) -> String {
            text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
        }
        var lines = [cell("implementation", 37) + cell("set", 21) + cell("messages", 10) + cell("MB", 9)
                     + cell("seconds", 9) + cell("msg/s", 10) + cell("MB/s", 9) + "buzon ×"]
        guard let reference = rows.first else { return lines[0] }
        for (name, all, plain) in rows {
            for (measurement, base) in [(all, reference.1), (plain, reference.2)] {
                let ratio = measurement.messagesPerSecond > 0 ? base.messagesPerSecond / measurement.messagesPerSecond : 0
                lines.append(cell(name, 37) + cell(measurement.set, 21) + cell(String(measurement.messages), 10)
                             + cell(String(format: "%.1f", Double(measurement.bytes) / 1e6), 9)
                             + cell(String(format: "%.3f", measurement.seconds), 9)
                             + cell(String(format: "%.0f", measurement.messagesPerSecond), 10)
                             + cell(String(format: "%.1f", measurement.megabytesPerSecond), 9)
                             + String(format: "%.2f", ratio))
            }
        }
        return lines.joined(separator: "\n")
    }
}
