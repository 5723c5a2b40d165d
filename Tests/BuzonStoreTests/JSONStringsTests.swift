import Testing
@testable import BuzonStore

/// The stored lists of addresses and Message-IDs read back as they were written, whatever
/// characters a hostile header put in them.
@Suite struct JSONStringsTests {
    @Test func listsRoundTripThroughTheirJSONText() {
        let values = ["ana@andina.cl", "\"quoted\" \\ back", "tab\there\nnew\rline", "\u{01}\u{08}\u{0C}\u{1F}\u{7F}",
                      "Peña <ñ@ü.es>", "", "🙂"]
        #expect(JSONStrings.decode(JSONStrings.encode(values)) == values)
        #expect(JSONStrings.encode([]) == "[]")
        #expect(JSONStrings.encode(["a\"b", "c"]) == #"["a\"b","c"]"#)
    }
}
