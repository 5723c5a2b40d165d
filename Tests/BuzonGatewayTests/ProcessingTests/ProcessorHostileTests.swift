import Testing
import Foundation
import BuzonMIME
import BuzonStore
@testable import BuzonGateway
@testable import BuzonTesting

/// Mail written to break the desk: line breaks smuggled into a subject or a display name
/// through RFC 2047 encoded words must neither inject headers into our notices nor keep
/// the mail from becoming a ticket.
@Suite struct ProcessorHostileTests {
    static func encoded(_ text: String) -> String { "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?=" }

    @Test func encodedLineBreaksInSubjectAndNameInjectNothing() throws {
        let desk = try TestDesk()
        let mail = TestMail(from: "\"\(Self.encoded("Ana\r\nBcc: victima@evil.example"))\" <ana@andina.cl>",
                            to: ["soporte@empresa.com"],
                            subject: Self.encoded("Factura\r\nBcc: otra@evil.example\r\n\r\ncuerpo falso"),
                            body: "Hola", messageID: "hostile-1@andina.cl")
        let result = try desk.receive(mail)

        let number = try #require(result.ticketNumber)
        let entry = try #require(try desk.outbox(template: "acknowledgement").first)
        #expect(entry.message.recipients == ["ana@andina.cl"])
        let ack = desk.parsed(entry)
        #expect(ack.headers["Bcc"] == nil)
        #expect(ack.to.map(\.address) == ["ana@andina.cl"])
        #expect(ack.cc.isEmpty)
        #expect(!ack.text.hasPrefix("cuerpo falso"))
        #expect(ack.subject.contains("[\(number)]"))
        // The raw header block of the acknowledgement has no line that starts a Bcc field.
        let text = String(decoding: entry.message.bytes, as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
        #expect(!head.components(separatedBy: "\r\n").contains { $0.lowercased().hasPrefix("bcc:") })
    }
}
