import BuzonMIME
import Testing
@testable import BuzonTickets

@Suite struct DedupeKeyTests {
    /// One message as three mailboxes receive it: the delivery headers differ.
    static func raw(deliveredTo: String, received: String, messageID: String?, crlf: Bool = false) -> [UInt8] {
        var lines = [
            "Return-Path: <ana@andina.cl>",
            "Delivered-To: \(deliveredTo)",
            "Received: \(received)",
            "X-Spam-Score: \(deliveredTo.count)",
            "From: Ana <ana@andina.cl>",
            "To: soporte@empresa.com, ventas@empresa.com, facturacion@empresa.com",
            "Subject: Factura duplicada",
            "Date: Fri, 20 Nov 2026 10:00:00 -0300",
        ]
        if let messageID { lines.append("Message-ID: <\(messageID)>") }
        lines += ["", "Hola, la factura 123 salió duplicada.", "Saludos"]
        return Array(lines.joined(separator: crlf ? "\r\n" : "\n").utf8)
    }

    static func message(_ raw: [UInt8], messageID: String?, from: String = "ana@andina.cl") -> Message {
        var headers = HeaderFields()
        let headerBlock = String(decoding: raw, as: UTF8.self).components(separatedBy: "\n\n").first ?? ""
        for line in headerBlock.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            headers.append(.init(name: String(parts[0]), rawValue: String(parts[1]).trimmingCharacters(in: .whitespaces)))
        }
        return Message(headers: headers, messageID: messageID, from: Address(name: "Ana", address: from))
    }

    @Test func sameMessageIDAndSenderIsOneMessageAcrossMailboxes() {
        let keys = ["soporte", "ventas", "facturacion"].map { box in
            let raw = Self.raw(deliveredTo: "\(box)@empresa.com", received: "by mx for \(box)", messageID: "abc@andina.cl")
            return DedupeKey.make(message: Self.message(raw, messageID: "abc@andina.cl"), raw: raw)
        }
        #expect(keys[0].hasPrefix("mid:"))
        #expect(keys[0].count == 4 + 64)
        #expect(Set(keys).count == 1)
    }

    @Test func theSenderIsPartOfTheKey() {
        let raw = Self.raw(deliveredTo: "soporte@empresa.com", received: "x", messageID: "abc@andina.cl")
        let ana = DedupeKey.make(message: Self.message(raw, messageID: "abc@andina.cl"), raw: raw)
        let mallory = DedupeKey.make(message: Self.message(raw, messageID: "abc@andina.cl", from: "mallory@evil.test"), raw: raw)
        let anaUpper = DedupeKey.make(message: Self.message(raw, messageID: "abc@andina.cl", from: "ANA@Andina.CL"), raw: raw)
        #expect(ana != mallory)
        #expect(ana == anaUpper)
    }

    @Test func withoutMessageIDTheStableHeadersAndBodyAreHashed() {
        let first = Self.raw(deliveredTo: "soporte@empresa.com", received: "by mx1", messageID: nil)
        let again = Self.raw(deliveredTo: "ventas@empresa.com", received: "by mx2", messageID: nil, crlf: true)
        let keyFirst = DedupeKey.make(message: Self.message(first, messageID: nil), raw: first)
        let keyRepolled = DedupeKey.make(message: Self.message(first, messageID: nil), raw: first)
        let keyOtherCopy = DedupeKey.make(message: Self.message(first, messageID: nil), raw: again)
        #expect(keyFirst.hasPrefix("hash:"))
        #expect(keyFirst == keyRepolled)
        #expect(keyFirst == keyOtherCopy)

        var changedBody = first
        changedBody[changedBody.count - 1] = UInt8(ascii: "X")
        #expect(DedupeKey.make(message: Self.message(first, messageID: nil), raw: changedBody) != keyFirst)

        var otherSubject = Self.message(first, messageID: nil)
        otherSubject.headers = HeaderFields(otherSubject.headers.map {
            $0.name == "Subject" ? .init(name: "Subject", rawValue: "Otra cosa") : $0
        })
        #expect(DedupeKey.make(message: otherSubject, raw: first) != keyFirst)
    }

    @Test func bodyIsWhatFollowsTheFirstEmptyLine() {
        #expect(DedupeKey.normalizedBody(of: Array("A: b\r\n\r\nline1\r\nline2".utf8)) == Array("line1\nline2".utf8))
        #expect(DedupeKey.normalizedBody(of: Array("A: b\n\nbody".utf8)) == Array("body".utf8))
        #expect(DedupeKey.normalizedBody(of: Array("A: b\nC: d".utf8)) == [])
    }
}
