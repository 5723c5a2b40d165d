import Testing
@testable import BuzonMIME

@Suite struct EncodedWordDecoderTests {
    private func decode(_ text: String) -> (String, [Diagnostic.Code]) {
        var diagnostics: [Diagnostic] = []
        let result = EncodedWordDecoder.decode(text, diagnostics: &diagnostics)
        return (result, diagnostics.map(\.code))
    }

    @Test func plainTextIsReturnedUnchanged() {
        #expect(decode("Factura de marzo").0 == "Factura de marzo")
    }

    @Test func bAndQEncodings() {
        #expect(decode("=?UTF-8?B?w7FhbmR1?=").0 == "ñandu")
        #expect(decode("=?iso-8859-1?q?Jos=E9_P=E9rez?=").0 == "José Pérez")
    }

    @Test func spaceBetweenAdjacentWordsIsDropped() {
        // RFC 2047 §8 examples.
        #expect(decode("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)").0 == "(ab)")
        #expect(decode("(=?ISO-8859-1?Q?a?=  \t =?ISO-8859-1?Q?b?=)").0 == "(ab)")
        #expect(decode("(=?ISO-8859-1?Q?a_b?=)").0 == "(a b)")
        #expect(decode("(=?ISO-8859-1?Q?a?= b)").0 == "(a b)")
    }

    @Test func spaceBetweenTextAndWordIsKept() {
        #expect(decode("Re: =?UTF-8?Q?Informaci=C3=B3n?= urgente").0 == "Re: Información urgente")
    }

    @Test func multiByteCharacterSplitAcrossWords() {
        // "á" = C3 A1 split between the two words.
        #expect(decode("=?UTF-8?B?Q8M=?= =?UTF-8?B?oQ==?=").0 == "Cá")
    }

    @Test func wordGluedToText() {
        #expect(decode("RE:=?UTF-8?Q?a=C3=B1o?=").0 == "RE:año")
    }

    @Test func iconvCharsetAndLanguageSuffix() {
        #expect(decode("=?KOI8-R?B?8NLP18XSy8E=?=").0 == "Проверка")
        #expect(decode("=?ISO-8859-1*es?Q?ma=F1ana?=").0 == "mañana")
        #expect(decode("=?KOI8-R*ru?B?8NLP18XSy8E=?=") == ("Проверка", []))
    }

    @Test func malformedWordsStayAsWritten() {
        let (unterminated, codes) = decode("Hola =?UTF-8?Q?sin_fin")
        #expect(unterminated == "Hola =?UTF-8?Q?sin_fin")
        #expect(codes == [.malformedEncodedWord])
        #expect(decode("=?UTF-8?X?abc?=").0 == "=?UTF-8?X?abc?=")
        #expect(decode("a =? b").0 == "a =? b")
    }

    @Test func unknownCharsetFallsBackWithDiagnostic() {
        let (text, codes) = decode("=?x-nada?Q?caf=C3=A9?=")
        #expect(text == "café")
        #expect(codes == [.unknownCharset])
    }
}
