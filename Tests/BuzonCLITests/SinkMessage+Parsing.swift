import Foundation
import BuzonMIME
import BuzonTesting

/// Parsing what the sink received.
extension SinkMessage {
    var parsed: Message { MessageParser().parse(bytes) }

    /// The header block's unfolded lines, as sent (before the first empty line).
    var headerLines: [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n").first ?? text
        var lines: [String] = []
        for line in head.components(separatedBy: "\r\n") {
            if line.first == " " || line.first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += line
            } else {
                lines.append(line)
            }
        }
        return lines
    }

    /// Lower-cased field names of the header block, in order.
    var headerNames: [String] {
        headerLines.compactMap { line in line.firstIndex(of: ":").map { line[..<$0].lowercased() } }
    }

    /// The ticket number in `[OP10044]` of the subject, if any.
    var ticketInSubject: String? {
        let subject = parsed.subject
        guard let open = subject.firstIndex(of: "["), let close = subject[open...].firstIndex(of: "]") else { return nil }
        return String(subject[subject.index(after: open)..<close])
    }
}
