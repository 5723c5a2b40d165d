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

    /// Regression (issue #10 item 3): mail with no Message-ID, no stable header and no
    /// header/body separator all hashed the same stable material, so every one after the
    /// first was a "duplicate" stored nowhere.
    @Test func messagesWithNothingStableAreKeyedOnTheirRawBytes() {
        let parser = MessageParser()
        var garbage = [UInt8](repeating: 0, count: 200_000)
        var state: UInt64 = 42
        for index in garbage.indices {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            garbage[index] = UInt8(truncatingIfNeeded: state >> 33) | 0x20
            if garbage[index] == UInt8(ascii: ":") || garbage[index] == 0x7F { garbage[index] = UInt8(ascii: "x") }
        }
        let samples: [[UInt8]] = [
            [], Array("hola\n".utf8), Array("otra línea suelta".utf8), garbage,
            Array("Received: by mx1\nX-Trace: 1\n\n".utf8), Array("Received: by mx2\nX-Trace: 2\n\n".utf8),
        ]
        let keys = samples.map { DedupeKey.make(message: parser.parse($0), raw: $0) }
        #expect(Set(keys).count == samples.count, "\(keys)")
        #expect(keys.allSatisfy { $0.hasPrefix("raw:") })
        // The same bytes are still one message, with either line ending.
        let lf = Array("una línea\notra\n".utf8)
        let crlf = Array("una línea\r\notra\r\n".utf8)
        #expect(DedupeKey.make(message: parser.parse(lf), raw: lf) == DedupeKey.make(message: parser.parse(crlf), raw: crlf))
        #expect(DedupeKey.make(message: parser.parse(garbage), raw: garbage) == keys[3])
    }

    /// A message with a stable header, or with a body of some length, keeps the `hash:` key
    /// that ignores delivery headers (one key across mailboxes).
    @Test func messagesWithStableMaterialKeepTheHeaderAndBodyKey() {
        let parser = MessageParser()
        let body = String(repeating: "Texto del mensaje sin cabeceras estables. ", count: 3)
        let first = Array("Delivered-To: soporte@empresa.com\n\n\(body)".utf8)
        let second = Array("Delivered-To: ventas@empresa.com\r\n\r\n\(body)".utf8)
        let keyFirst = DedupeKey.make(message: parser.parse(first), raw: first)
        #expect(keyFirst.hasPrefix("hash:"))
        #expect(keyFirst == DedupeKey.make(message: parser.parse(second), raw: second))
        let subjectOnly = Array("Delivered-To: a\nSubject: x\n\n".utf8)
        #expect(DedupeKey.make(message: parser.parse(subjectOnly), raw: subjectOnly).hasPrefix("hash:"))
    }
}
