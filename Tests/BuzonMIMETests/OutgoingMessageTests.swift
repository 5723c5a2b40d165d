import Foundation
import Testing
@testable import BuzonMIME

/// Renders messages and reads the bytes back by hand: the test's own small parser (header
/// lines, unfolding, RFC 2047, quoted-printable, base64) so the builder is not checked
/// against itself.
@Suite struct OutgoingMessageTests {
    // MARK: A tiny independent reader

    struct Rendered {
        var headerLines: [String]
        var fields: [(name: String, value: String)]
        var body: String

        init(_ bytes: [UInt8]) {
            let text = String(decoding: bytes, as: UTF8.self)
            let split = text.range(of: "\r\n\r\n")!
            headerLines = text[..<split.lowerBound].components(separatedBy: "\r\n")
            body = String(text[split.upperBound...])
            fields = []
            for line in headerLines {
                if line.hasPrefix(" ") || line.hasPrefix("\t") {
                    fields[fields.count - 1].value += line   // RFC 5322 §2.2.3 unfolding: drop the CRLF only.
                } else {
                    let colon = line.firstIndex(of: ":")!
                    fields.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
                }
            }
        }

        func value(_ name: String) -> String? { fields.first { $0.name.lowercased() == name.lowercased() }?.value }
    }

    /// RFC 2047 §6.2: white space between adjacent encoded words is dropped.
    static func decodeWords(_ value: String) -> String {
        var result = ""
        var pendingSpace = ""
        var lastWasWord = false
        var rest = Substring(value)
        while !rest.isEmpty {
            if rest.hasPrefix("=?UTF-8?"), let end = rest.dropFirst(10).range(of: "?=") {
                let kind = rest[rest.index(rest.startIndex, offsetBy: 8)]
                let payload = rest[rest.index(rest.startIndex, offsetBy: 10)..<end.lowerBound]
                let bytes: [UInt8] = kind == "B" ? Array(Data(base64Encoded: String(payload))!)
                    : qpDecode(payload.replacingOccurrences(of: "_", with: " "))
                if !lastWasWord { result += pendingSpace }
                pendingSpace = ""
                result += String(decoding: bytes, as: UTF8.self)
                rest = rest[end.upperBound...]
                lastWasWord = true
            } else if rest.first == " " || rest.first == "\t" {
                pendingSpace.append(rest.removeFirst())
            } else {
                result += pendingSpace
                pendingSpace = ""
                result.append(rest.removeFirst())
                lastWasWord = false
            }
        }
        return result + pendingSpace
    }

    static func qpDecode(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "=") {
                if index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A {
                    index += 3   // soft line break
                    continue
                }
                out.append(UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16)!)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    static func allLinesEndWithCRLF(_ bytes: [UInt8]) -> Bool {
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A, index == 0 || bytes[index - 1] != 0x0D { return false }
            if byte == 0x0D, index + 1 >= bytes.count || bytes[index + 1] != 0x0A { return false }
        }
        return true
    }

    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
    }

    func sample() -> OutgoingMessage {
        OutgoingMessage(
            from: Address(name: "Soporte Empresa", address: "soporte@empresa.com"),
            to: [Address(name: "Ana Pérez", address: "ana@cliente.cl"), Address(address: "luis@cliente.cl")],
            cc: [Address(name: "Díaz, José", address: "jose@cliente.cl")],
            replyTo: [Address(address: "soporte@empresa.com")],
            subject: "[OP10044] Recibimos su solicitud: ¿factura pendiente?",
            messageID: "18c.abc@empresa.com",
            date: Date(timeIntervalSince1970: 1_795_455_388),
            inReplyTo: ["orig@cliente.cl"], references: ["a@x", "orig@cliente.cl"],
            extraHeaders: [("Auto-Submitted", "auto-replied"), ("X-Buzon-Ticket", "OP10044")],
            textBody: "Hola Ana,\n\nSu número de ticket es OP10044.\nSaludos")
    }

    // MARK: Round trips

    @Test func plainMessageRoundTrips() throws {
        let bytes = try sample().render()
        #expect(Self.allLinesEndWithCRLF(bytes))
        let parsed = Rendered(bytes)
        #expect(parsed.value("Date") == "Mon, 23 Nov 2026 17:36:28 +0000")
        #expect(parsed.value("From") == "Soporte Empresa <soporte@empresa.com>")
        #expect(Self.decodeWords(parsed.value("To")!) == "Ana Pérez <ana@cliente.cl>, luis@cliente.cl")
        #expect(Self.decodeWords(parsed.value("Cc")!) == "Díaz, José <jose@cliente.cl>")
        #expect(Self.decodeWords(parsed.value("Subject")!) == "[OP10044] Recibimos su solicitud: ¿factura pendiente?")
        #expect(parsed.value("Message-ID") == "<18c.abc@empresa.com>")
        #expect(parsed.value("In-Reply-To") == "<orig@cliente.cl>")
        #expect(parsed.value("References") == "<a@x> <orig@cliente.cl>")
        #expect(parsed.value("MIME-Version") == "1.0")
        #expect(parsed.value("Auto-Submitted") == "auto-replied")
        #expect(parsed.value("X-Buzon-Ticket") == "OP10044")
        #expect(parsed.value("Content-Type") == "text/plain; charset=utf-8")
        #expect(parsed.value("Content-Transfer-Encoding") == "quoted-printable")
        #expect(parsed.fields.count == 14)
        #expect(String(decoding: Self.qpDecode(parsed.body), as: UTF8.self)
            == "Hola Ana,\r\n\r\nSu número de ticket es OP10044.\r\nSaludos\r\n")
    }

    @Test func quotedPrintableKeepsLinesShortAndEncodesTheTricky() throws {
        let long = String(repeating: "ñandú = avestruz ", count: 20) + "fin  "
        let body = long + "\n.\nFrom here\ttab\r\nlast line "
        var message = sample()
        message.textBody = body
        let parsed = Rendered(try message.render())
        for line in parsed.body.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76, "\(line)")
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
            #expect(line != "." && !line.hasPrefix("From "))
        }
        let expected = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
        #expect(String(decoding: Self.qpDecode(parsed.body), as: UTF8.self) == expected)
    }

    @Test func attachmentsRoundTripThroughBase64() throws {
        var message = sample()
        let pdf = (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let longName = "Informe de reparación del equipo número 4471 — versión final revisada.pdf"
        message.attachments = [
            .init(filename: "factura.pdf", contentType: "application/pdf", data: pdf),
            .init(filename: longName, contentType: "Image/PNG", data: [1, 2, 3]),
            .init(filename: "vacío.txt", contentType: "text/plain", data: []),
        ]
        let bytes = try message.render()
        #expect(Self.allLinesEndWithCRLF(bytes))
        #expect(Self.lines(bytes).allSatisfy { $0.utf8.count <= 78 })
        let parsed = Rendered(bytes)
        let contentType = try #require(parsed.value("Content-Type"))
        #expect(contentType.hasPrefix("multipart/mixed;"))
        let boundary = try #require(contentType.components(separatedBy: "boundary=\"").last?.dropLast())
        let sections = parsed.body.components(separatedBy: "--\(boundary)")
        #expect(sections.count == 6)   // preamble, text, 3 attachments, epilogue after the close
        #expect(sections.last == "--\r\n")
        let parts = sections[2...4].map { Rendered(Array($0.utf8.dropFirst(2))) }
        #expect(Data(base64Encoded: parts[0].body, options: .ignoreUnknownCharacters).map(Array.init) == pdf)
        #expect(parts[0].body.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(parts[0].value("Content-Disposition") == "attachment; filename=\"factura.pdf\"")
        #expect(parts[1].value("Content-Type")!.hasPrefix("image/png; name=\"=?UTF-8?"))
        #expect(Self.decodeWords(String(parts[1].value("Content-Type")!.dropFirst("image/png; name=\"".count).dropLast())) == longName)
        #expect(Self.rfc2231Filename(parts[1].value("Content-Disposition")!) == longName)
        #expect(Self.rfc2231Filename(parts[2].value("Content-Disposition")!) == "vacío.txt")
        #expect(parts[2].body == "\r\n")   // empty content; the CRLF belongs to the next delimiter
    }

    static func rfc2231Filename(_ disposition: String) -> String {
        var encoded = ""
        for parameter in disposition.components(separatedBy: ";").dropFirst() {
            let pair = parameter.trimmingCharacters(in: .whitespaces).components(separatedBy: "=")
            if pair[0].hasPrefix("filename*") { encoded += pair[1] }
        }
        let value = encoded.hasPrefix("utf-8''") ? String(encoded.dropFirst(7)) : encoded
        return value.removingPercentEncoding ?? ""
    }

    // MARK: Injection

    @Test func controlCharactersNeverStartAHeaderLine() throws {
        var message = sample()
        message.subject = "Hola\r\nBcc: victim@x.com"
        message.from = Address(name: "Ana\nBcc: victim@x.com", address: "soporte@empresa.com")
        message.to = [Address(name: "Eve\u{2028}Bcc: a@b.c\u{2029}\u{85}\0", address: "eve@x.com")]
        message.extraHeaders = [("X-Note", "ok\rBcc: victim@x.com"), ("X-Buzon-Loop", "<id\n.\n>")]
        message.attachments = [.init(filename: "a\r\nBcc: victim@x.com.pdf", contentType: "application/pdf", data: [1])]
        let bytes = try message.render()
        #expect(Self.allLinesEndWithCRLF(bytes))
        let parsed = Rendered(bytes)
        #expect(!parsed.headerLines.contains { $0.lowercased().hasPrefix("bcc") })
        #expect(!Self.lines(bytes).contains { $0.lowercased().hasPrefix("bcc") })
        #expect(parsed.fields.map(\.name) == ["Date", "From", "To", "Cc", "Reply-To", "Subject", "Message-ID",
                                            "In-Reply-To", "References", "MIME-Version", "X-Note", "X-Buzon-Loop",
                                            "Content-Type"])
        #expect(parsed.value("Subject") == "Hola Bcc: victim@x.com")   // runs of spaces in plain text become one
        #expect(parsed.value("X-Note") == "ok Bcc: victim@x.com")
        #expect(Self.decodeWords(parsed.value("To")!) == "\"Eve Bcc: a@b.c\" <eve@x.com>")
    }

    @Test func invalidAddressesAreRejectedNamingTheField() throws {
        let bad = ["ana@x.com\r\nBcc: v@x.com", "ana @x.com", "<ana@x.com>", "a@x.com, b@y.com", "a@x.com;b@y",
                   "no-at-sign", "a@@x.com", "a@x..com", ".a@x.com", "a@", "@x.com", "ana@x.com\0", "añá@x.com"]
        for address in bad {
            var message = sample()
            message.cc = [Address(address: address)]
            #expect(throws: OutgoingMessage.Error.invalidAddress(field: "Cc", address: address)) { try message.render() }
        }
        var message = sample()
        message.cc = [Address(address: " \tjose@cliente.cl ")]
        #expect(Rendered(try message.render()).value("Cc") == "jose@cliente.cl")
        message.from = Address(address: "x y@z.com")
        #expect(throws: OutgoingMessage.Error.invalidAddress(field: "From", address: "x y@z.com")) { try message.render() }
    }

    /// Regression (issue #10 item 7): a customer's odd Message-ID made the builder throw, which
    /// rolled back the decision that queued the acknowledgement (no ticket, `deliver` exiting 75
    /// forever) and failed every reply on the ticket. Ids it cannot write are dropped; odd but
    /// harmless tokens are written as they came, since mail clients thread on the exact string.
    @Test func oddCustomerIDsNeverFailTheMessage() throws {
        let long = String(repeating: "x", count: 300) + "@cliente.cl"
        var message = sample()
        message.inReplyTo = ["sinarroba.123"]
        message.references = ["ok@x", "bad id@x", "a@b@c", "ñandú@cliente.cl", long, "", "sinarroba.123"]
        let rendered = Rendered(try message.render())
        #expect(rendered.value("In-Reply-To") == "<sinarroba.123>")
        #expect(rendered.value("References") == "<ok@x> <a@b@c> <sinarroba.123>")
        #expect(rendered.headerLines.allSatisfy { $0.utf8.count <= 998 && $0.utf8.allSatisfy { $0 < 128 } })

        message.inReplyTo = ["ñandú@cliente.cl"]
        message.references = [long]
        let dropped = Rendered(try message.render())
        #expect(dropped.value("In-Reply-To") == nil)
        #expect(dropped.value("References") == nil)
    }

    @Test func invalidIDsHeaderNamesAndTypesAreRejected() {
        var message = sample()
        message.messageID = "a@b@c"
        #expect(throws: OutgoingMessage.Error.invalidMessageID(field: "Message-ID", id: "a@b@c")) { try message.render() }
        message = sample()
        message.messageID = "<x@y>"
        #expect(throws: OutgoingMessage.Error.invalidMessageID(field: "Message-ID", id: "<x@y>")) { try message.render() }
        for name in ["X-Bad Name", "X-Bad:Name", "", "X-Ñ", "X\r\nBcc"] {
            message = sample()
            message.extraHeaders = [(name, "v")]
            #expect(throws: OutgoingMessage.Error.invalidHeaderName(name)) { try message.render() }
        }
        message = sample()
        message.extraHeaders = [("bcc", "v@x.com")]
        #expect(throws: OutgoingMessage.Error.reservedHeaderName("bcc")) { try message.render() }
        message = sample()
        message.attachments = [.init(filename: "a", contentType: "text/plain\r\nBcc: x", data: [])]
        #expect(throws: OutgoingMessage.Error.invalidContentType(filename: "a", contentType: "text/plain\r\nBcc: x")) {
            try message.render()
        }
    }

    // MARK: Lengths

    @Test func encodedWordsRespectTheirLimits() throws {
        let subject = String(repeating: "Ñandú 🇨🇱 e\u{301} ", count: 30)
        var message = sample()
        message.subject = subject
        message.to = [Address(name: String(repeating: "José María ", count: 12), address: "jm@x.com")]
        let bytes = try message.render()
        let parsed = Rendered(bytes)
        for line in parsed.headerLines {
            #expect(line.utf8.count <= 78, "\(line)")
            for word in line.split(separator: " ") where word.hasPrefix("=?") {
                #expect(word.utf8.count <= 75)
                #expect(word.hasSuffix("?=") || word.hasSuffix("?=,"))
            }
        }
        #expect(Self.decodeWords(parsed.value("Subject")!) == subject.trimmingCharacters(in: .whitespaces))
        #expect(Self.decodeWords(parsed.value("To")!).hasPrefix("José María José María"))
        for word in EncodedWordEncoder.encode(subject, firstWordLimit: 30).dropFirst() { #expect(word.utf8.count <= 75) }
        #expect(EncodedWordEncoder.encode(subject, firstWordLimit: 30)[0].utf8.count <= 30)
    }

    @Test func longHeadersFoldWithinLimits() throws {
        var message = sample()
        message.subject = "Palabras " + String(repeating: "cortas y largas ", count: 40) + String(repeating: "x", count: 950)
        message.references = (0..<60).map { "ref\($0).\(String(repeating: "a", count: 40))@cliente.cl" }
        message.to = (0..<30).map { Address(name: "Cliente \($0)", address: "c\($0)@cliente.cl") }
        message.extraHeaders = [("X-Long", String(repeating: "valor ", count: 200))]
        let parsed = Rendered(try message.render())
        #expect(parsed.headerLines.allSatisfy { $0.utf8.count <= 998 })
        #expect(parsed.headerLines.filter { $0.utf8.count > 78 }.isEmpty)
        #expect(Self.decodeWords(parsed.value("Subject")!) == message.subject)
        #expect(parsed.value("References")!.split(separator: " ").count == 60)
        #expect(parsed.value("To")!.components(separatedBy: ",").count == 30)
    }

    @Test func specialsInDisplayNamesAreQuoted() throws {
        var message = sample()
        message.to = [Address(name: "Pérez, Ana (Ventas)", address: "a@x.com"), Address(name: "O'Brien \"Bob\"", address: "b@x.com"),
                      Address(name: "Soporte Técnico", address: "s@x.com"), Address(name: "=?fake?=", address: "f@x.com")]
        let to = try #require(Rendered(try message.render()).value("To"))
        #expect(to.contains("\"O'Brien \\\"Bob\\\"\" <b@x.com>"))
        #expect(!to.contains("(Ventas)"))   // non-ASCII: encoded, so the comma cannot split the list
        #expect(Self.decodeWords(to).hasPrefix("Pérez, Ana (Ventas) <a@x.com>, "))
        #expect(!to.contains("=?fake?="))
    }

    @Test func datesAreRFC5322InUTC() {
        #expect(OutgoingMessage.rfc5322Date(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(OutgoingMessage.rfc5322Date(Date(timeIntervalSince1970: 951_782_400)) == "Tue, 29 Feb 2000 00:00:00 +0000")
        #expect(OutgoingMessage.rfc5322Date(Date(timeIntervalSince1970: -1)) == "Wed, 31 Dec 1969 23:59:59 +0000")
        #expect(OutgoingMessage.rfc5322Date(Date(timeIntervalSince1970: 4_102_444_799)) == "Thu, 31 Dec 2099 23:59:59 +0000")
    }

    @Test func messageIDsAreUniqueAndWellFormed() {
        let ids = (0..<1000).map { _ in OutgoingMessage.makeMessageID(domain: "Empresa.COM\r\n") }
        #expect(Set(ids).count == 1000)
        #expect(ids.allSatisfy { $0.hasSuffix("@empresa.com") && $0.split(separator: "@")[0].count >= 40 })
        #expect(OutgoingMessage.makeMessageID(domain: "<>").hasSuffix("@localhost"))
    }

    // MARK: Encoders on random input

    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet: [String] = ["a", "Z", " ", "\t", "=", ".", "_", "?", "ñ", "é", "€", "🇨🇱", "e\u{301}", "\n", "\r\n",
                                     "From ", "-", "\"", "x"]

    @Test func quotedPrintableRoundTripsRandomText() {
        var random = SplitMix(state: 42)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0..<300, using: &random)).map { _ in Self.alphabet.randomElement(using: &random)! }.joined()
            let encoded = QuotedPrintableEncoder.encode(text)
            let lines = String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n")
            #expect(lines.allSatisfy { $0.utf8.count <= 76 && !$0.hasSuffix(" ") && !$0.hasSuffix("\t") })
            #expect(Self.allLinesEndWithCRLF(encoded))
            let expected = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
            #expect(String(decoding: Self.qpDecode(String(decoding: encoded, as: UTF8.self)), as: UTF8.self) == expected)
        }
    }

    @Test func encodedWordsRoundTripRandomText() {
        var random = SplitMix(state: 7)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 1..<120, using: &random)).map { _ in Self.alphabet.randomElement(using: &random)! }
                .joined().replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\r", with: "")
            let first = Int.random(in: 20...75, using: &random)
            let words = EncodedWordEncoder.encode(text, firstWordLimit: first)
            #expect(words.first.map { $0.utf8.count <= max(first, 24) } ?? text.isEmpty)
            #expect(words.allSatisfy { $0.utf8.count <= 75 && $0.hasPrefix("=?UTF-8?") && $0.hasSuffix("?=") && !$0.contains(" ") })
            #expect(Self.decodeWords(words.joined(separator: " ")) == text)
        }
    }
}
