import Foundation
import BuzonTesting

/// Small support mail (≈1–2 KB): new requests from customers of fifty organizations, and
/// every third message a reply on an earlier ticket by In-Reply-To.
enum SmallMail {
    static func make(count: Int, seed: UInt64 = 7) -> [[UInt8]] {
        var messages: [[UInt8]] = []
        messages.reserveCapacity(count)
        for index in 0..<count {
            // Messages 3k, 3k+1, 3k+2 share an organization; 3k+2 replies to 3k.
            let organization = (index / 3) % BenchDesk.organizations
            var mail = TestMail(
                from: "Cliente \(organization) <usuario\(index % 7)@cliente\(organization).cl>", to: ["soporte@empresa.com"],
                subject: "Problema \(index) con la facturación electrónica",
                body: String(repeating: "El sistema muestra un error al emitir la factura; adjunto el detalle del caso número \(index).\n", count: 12),
                messageID: "bench-\(seed)-\(index)@cliente\(organization).cl")
            if index % 3 == 2 {
                mail.inReplyTo = "bench-\(seed)-\(index - 2)@cliente\(organization).cl"
                mail.subject = "RE: " + mail.subject
            }
            messages.append(mail.bytes)
        }
        return messages
    }
}
