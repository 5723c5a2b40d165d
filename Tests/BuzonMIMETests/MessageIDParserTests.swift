import Testing
@testable import BuzonMIME

@Suite struct MessageIDParserTests {
    @Test func bracketedIdsWithJunkAndComments() {
        #expect(MessageIDParser.parse("<a@b> (Ana's message of \"Tue, 5 Mar\") <c@d>") == ["a@b", "c@d"])
        #expect(MessageIDParser.parse("  <a@b>  ") == ["a@b"])
    }

    @Test func idsWithoutBrackets() {
        #expect(MessageIDParser.parse("a@b, c@d junk <e@f>") == ["a@b", "c@d", "e@f"])
        #expect(MessageIDParser.parse("sin arroba") == [])
    }

    @Test func foldingWhitespaceInsideBracketsIsRemoved() {
        #expect(MessageIDParser.parse("<abc\n @host>") == ["abc@host"])
    }

    @Test func unterminatedBracketAndCap() {
        #expect(MessageIDParser.parse("<a@b <c@d>") == ["a@b", "c@d"])
        let many = (0..<2_000).map { "<id\($0)@x>" }.joined(separator: " ")
        #expect(MessageIDParser.parse(many).count == MessageIDParser.maxIDs)
    }
}
