import Foundation
import BuzonTesting

/// A large support message (≈ 27 MB on the wire): a short request with a 20 MB attachment
/// (a database dump, a video of the error) sent base64, as mail clients send it. Built one at
/// a time so the benchmark itself never holds many.
enum LargeMail {
    static let attachmentBytes = 20_000_000

    static func make(index: Int) -> [UInt8] {
        var mail = TestMail(
            from: "Cliente 1 <usuario\(index % 7)@cliente1.cl>", to: ["soporte@empresa.com"],
            subject: "Respaldo \(index) de la base de datos para revisar el error",
            body: "Adjunto el respaldo completo de la base de datos para que puedan reproducir el error número \(index).\n",
            messageID: "bench-large-\(index)@cliente1.cl")
        // Incompressible bytes (a SplitMix64 stream): a real dump is not all zeros.
        var generator = SplitMix64(seed: UInt64(index) &+ 1)
        var data = [UInt8](repeating: 0, count: attachmentBytes)
        data.withUnsafeMutableBytes { raw in
            let words = raw.bindMemory(to: UInt64.self)
            for word in words.indices { words[word] = generator.next() }
        }
        mail.attachment = (filename: "respaldo\(index).sql.gz", contentType: "application/gzip", data: data)
        return mail.bytes
    }
}
