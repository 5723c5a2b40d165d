import Foundation
import Testing
@testable import BuzonMIME

@Suite struct TransferDecoderTests {
    private func base64(_ text: String) -> Base64Decoder.Result { Base64Decoder.decode(Array(text.utf8)) }
    private func qp(_ text: String) -> QuotedPrintableDecoder.Result { QuotedPrintableDecoder.decode(Array(text.utf8)) }

    @Test func base64MatchesFoundationOnEveryLength() {
        for length in 0..<70 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let encoded = Data(bytes).base64EncodedString(options: .lineLength64Characters)
            let result = base64(encoded)
            #expect(result.bytes == bytes, "length \(length)")
            #expect(result.junkCount == 0 && !result.danglingBits)
        }
    }

    /// The word loop, the quantum loop and the byte path hand over to each other at line
    /// ends, padding and junk; a one-character-at-a-time decoder is the reference for every
    /// line length and line end mail uses, with junk and stray whitespace sprinkled in.
    @Test func base64FastPathsAgreeWithACharacterAtATimeDecoder() {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        func reference(_ text: [UInt8]) -> (bytes: [UInt8], junk: Int) {
            var bytes: [UInt8] = [], junk = 0, accumulator: UInt32 = 0, pending = 0
            for byte in text {
                if let value = alphabet.firstIndex(of: byte) {
                    accumulator = accumulator << 6 | UInt32(value)
                    pending += 1
                    if pending == 4 {
                        bytes += [UInt8(truncatingIfNeeded: accumulator >> 16), UInt8(truncatingIfNeeded: accumulator >> 8),
                                  UInt8(truncatingIfNeeded: accumulator)]
                        pending = 0
                        accumulator = 0
                    }
                } else if !" \t\r\n=".utf8.contains(byte) {
                    junk += 1
                }
            }
            if pending == 2 { bytes.append(UInt8(truncatingIfNeeded: accumulator >> 4)) }
            if pending == 3 { bytes += [UInt8(truncatingIfNeeded: accumulator >> 10), UInt8(truncatingIfNeeded: accumulator >> 2)] }
            return (bytes, junk)
        }
        var generator = SystemRandomNumberGenerator()
        let layouts: [(Int, String)] = [(76, "\r\n"), (76, "\n"), (64, "\r\n"), (72, "\n"), (57, "\r\n"), (1_000, "\n")]
        for round in 0..<600 {
            let (lineLength, lineEnd) = layouts[round % layouts.count]
            let data = (0..<Int.random(in: 0...400, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let flat = Array(Data(data).base64EncodedString().utf8)
            var text: [UInt8] = []
            for (offset, byte) in flat.enumerated() {
                if offset > 0, offset % lineLength == 0 { text += Array(lineEnd.utf8) }
                text.append(byte)
            }
            if round % 3 == 1, !text.isEmpty {   // junk, a stray space, a padding sign mid-stream
                for insert in [UInt8(ascii: "*"), UInt8(ascii: " "), UInt8(ascii: "=")] {
                    text.insert(insert, at: Int.random(in: 0...text.count, using: &generator))
                }
            }
            let expected = reference(text)
            let result = base64(String(decoding: text, as: UTF8.self))
            #expect(result.bytes == expected.bytes, "round \(round): \(String(decoding: text, as: UTF8.self).debugDescription)")
            #expect(result.junkCount == expected.junk)
            if round % 3 != 1 { #expect(result.bytes == data) }
        }
    }

    @Test func base64IsLenient() {
        #expect(base64("SG9s\r\nYQ").bytes == Array("Hola".utf8))          // missing padding
        #expect(base64("  SG9sYQ==  \n").bytes == Array("Hola".utf8))
        #expect(base64("SG9s\tYSBt\ndW5k\r\nbw==").bytes == Array("Hola mundo".utf8))
        let garbage = base64("SG9s*YQ==!")
        #expect(garbage.bytes == Array("Hola".utf8))
        #expect(garbage.junkCount == 2)
        #expect(base64("SG9sY").danglingBits)
        #expect(base64("").bytes.isEmpty)
    }

    @Test func quotedPrintableRules() {
        #expect(qp("caf=C3=A9").bytes == Array("café".utf8))
        #expect(qp("caf=c3=a9").bytes == Array("café".utf8))                  // lowercase hex
        #expect(qp("uno =\r\ndos").bytes == Array("uno dos".utf8))             // soft break CRLF
        #expect(qp("uno =  \ndos").bytes == Array("uno dos".utf8))             // soft break with padding
        #expect(qp("linea   \r\nsiguiente").bytes == Array("linea\nsiguiente".utf8)) // trailing space removed
        #expect(qp("espacio=20\n").bytes == Array("espacio \n".utf8))         // encoded space kept
        #expect(qp("fin=").bytes == Array("fin".utf8))
    }

    /// The eight-bytes-at-a-time loop hands over to the byte path at every `=`, CR and LF;
    /// on random quoted-printable-like input both must give the same bytes and count.
    @Test func quotedPrintableWordLoopAgreesWithTheBytePath() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "b", "Ñ", " ", "\t", "=", "=3D", "=C3=B3", "=\r\n", "=\n", "= \n", "\r\n", "\n", "\r", "=4", "=zz",
                      "texto largo sin nada especial", "   ", "\u{80}"]
        for round in 0..<2_000 {
            let input = Array((0..<Int.random(in: 0...40, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined().utf8)
            let fast = input.withUnsafeBufferPointer { QuotedPrintableDecoder.decode($0) }
            let reference = input.withUnsafeBufferPointer { QuotedPrintableDecoder.decode($0, wordAtATime: false) }
            #expect(fast.bytes == reference.bytes, "round \(round): \(String(decoding: input, as: UTF8.self).debugDescription)")
            #expect(fast.invalidEscapes == reference.invalidEscapes)
        }
    }

    @Test func quotedPrintableKeepsInvalidEscapes() {
        let result = qp("a=b+c =ZZ =4")
        #expect(result.bytes == Array("a=b+c =ZZ =4".utf8))
        #expect(result.invalidEscapes == 3)
    }

    @Test func qEncodingUnderscoreIsSpace() {
        #expect(QuotedPrintableDecoder.decodeQ(Array("a_b=5F=3d".utf8)[...]) == Array("a b_=".utf8))
    }
}
