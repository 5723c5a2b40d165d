import Foundation
import Testing
@testable import BuzonMIME

/// The parser's contract: any input returns (no trap, no hang) and the limits hold.
@Suite struct RobustnessTests {
    /// SplitMix64: a small seeded generator so failures reproduce.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The golden fixtures, the seeds of the mutants.
    static func corpus() -> [[UInt8]] {
        GoldenFixture.all().compactMap { try? $0.bytes() }
    }

    /// Interesting tokens spliced into mutants: they steer random bytes into the parser's branches.
    static let tokens: [[UInt8]] = [
        "\n", "\r\n", "\n\n", ":", "=?", "?=", "=?utf-8?b?", "=?x?q?", "--", "boundary=", "multipart/mixed",
        "Content-Type: multipart/mixed; boundary=x\n\n--x\n", "message/rfc822", "base64", "quoted-printable",
        "\"", "(", ")", "<", ">", "@", ",", ";", "*0*=", "'", "%", "=", "\t", "\u{00}", "\u{FF}",
    ].map { Array($0.utf8) }

    @Test func randomAndMutatedInputsNeverTrap() {
        var random = SeededGenerator(state: 20_240_305)
        let corpus = Self.corpus()
        #expect(!corpus.isEmpty)
        let parser = MessageParser()
        for round in 0..<3_000 {
            var bytes: [UInt8]
            if round % 3 == 0 || corpus.isEmpty {
                bytes = (0..<Int.random(in: 0..<2_000, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            } else {
                bytes = corpus[Int.random(in: 0..<corpus.count, using: &random)]
                for _ in 0..<Int.random(in: 1...12, using: &random) where !bytes.isEmpty {
                    let position = Int.random(in: 0..<bytes.count, using: &random)
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: bytes[position] = UInt8.random(in: 0...255, using: &random)
                    case 1: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...64, using: &random)))
                    case 2: bytes.insert(contentsOf: Self.tokens[Int.random(in: 0..<Self.tokens.count, using: &random)], at: position)
                    default: bytes.removeSubrange(position...)
                    }
                }
            }
            let message = parser.parse(bytes)
            #expect(message.root.leafCount <= parser.limits.maxParts + 1)
        }
    }

    @Test func hundredThousandHeadersAreCapped() {
        var text = ""
        text.reserveCapacity(1_500_000)
        for index in 0..<100_000 { text += "X-H\(index): v\n" }
        text += "\ncuerpo\n"
        let message = MessageParser().parse(Array(text.utf8))
        #expect(message.headers.count == MessageParser.Limits().maxHeaderFields)
        #expect(message.diagnostics.contains { $0.code == .tooManyHeaders })
        #expect(message.text == "cuerpo\n")
    }

    @Test func hugeHeaderFieldIsCut() {
        let text = "Subject: " + String(repeating: "a", count: 200_000) + "\n" + String(repeating: " b\n", count: 50_000) + "\ncuerpo"
        let message = MessageParser().parse(Array(text.utf8))
        #expect(message.subject.utf8.count <= MessageParser.Limits().maxHeaderFieldBytes)
        #expect(message.diagnostics.contains { $0.code == .headerTooLong })
    }

    @Test func tenThousandNestedMultipartsAreCappedInDepth() {
        var text = ""
        for level in 0..<10_000 { text += "Content-Type: multipart/mixed; boundary=\"b\(level)\"\n\n--b\(level)\n" }
        text += "Content-Type: text/plain\n\nfondo\n"
        let message = MessageParser().parse(Array(text.utf8))
        var depth = 0
        var part = message.root
        while let child = part.children.first {
            depth += 1
            part = child
        }
        #expect(depth < MessageParser.Limits().maxNestingDepth)
        #expect(message.diagnostics.contains { $0.code == .nestingTooDeep })
    }

    @Test func tenThousandNestedAttachedMessagesAreCapped() {
        let text = String(repeating: "Content-Type: message/rfc822\n\n", count: 10_000) + "Subject: fondo\n\nx"
        let message = MessageParser().parse(Array(text.utf8))
        #expect(message.diagnostics.contains { $0.code == .nestingTooDeep })
        var parsedMessages = 0
        var part = message.root
        while let child = part.children.first {
            parsedMessages += 1
            part = child
        }
        #expect(parsedMessages == MessageParser.Limits().maxMessageNesting)
    }

    @Test func manyPartsAreCapped() {
        let text = "Content-Type: multipart/mixed; boundary=p\n\n" + String(repeating: "--p\n\nx\n", count: 5_000) + "--p--\n"
        let message = MessageParser().parse(Array(text.utf8))
        #expect(message.root.children.count < MessageParser.Limits().maxParts)
        #expect(message.diagnostics.contains { $0.code == .tooManyParts })
    }

    @Test func pathologicalInputs() {
        let parser = MessageParser()
        _ = parser.parse([])
        _ = parser.parse(Array(repeating: 0x0A, count: 100_000))
        _ = parser.parse(Array(repeating: 0x3D, count: 100_000))
        _ = parser.parse(Array("Subject: ".utf8) + Array(repeating: 0x3D, count: 50_000) + [0x3F])
        _ = parser.parse(Array("Content-Type: multipart/mixed; boundary=-\n\n".utf8) + Array(repeating: 0x2D, count: 100_000))
        let comments = "From: " + String(repeating: "(", count: 50_000) + "a@b"
        #expect(parser.parse(Array(comments.utf8)).from == nil)
    }
}
