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

    @Test func quotedPrintableKeepsInvalidEscapes() {
        let result = qp("a=b+c =ZZ =4")
        #expect(result.bytes == Array("a=b+c =ZZ =4".utf8))
        #expect(result.invalidEscapes == 3)
    }

    @Test func qEncodingUnderscoreIsSpace() {
        #expect(QuotedPrintableDecoder.decodeQ(Array("a_b=5F=3d".utf8)[...]) == Array("a b_=".utf8))
    }
}
