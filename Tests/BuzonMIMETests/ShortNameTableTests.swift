import Testing
@testable import BuzonMIME

@Suite struct ShortNameTableTests {
    @Test func findsEveryNameAndNothingElse() {
        let names = ["a", "p", "br", "div", "h1", "h6", "table", "blockquote", "figcaption", "sixteen-letters!"]
        let table = ShortNameTable(names.enumerated().map { ($1, $0) })
        for (index, name) in names.enumerated() { #expect(table.value(for: name) == index, "\(name)") }
        for other in ["", "b", "h7", "divs", "DIV", "blockquotes", "seventeen-letters", "dív"] {
            #expect(table.value(for: other) == nil, "\(other)")
        }
    }

    /// The tokenizer's lookup straight from the tag's bytes, in any ASCII case.
    @Test func findsNamesFromBytesIgnoringASCIICase() {
        let names = ["a", "o:p", "div", "blockquote", "sixteen-letters!"]
        let table = ShortNameTable(names.enumerated().map { ($1, $0) })
        func lookUp(_ text: String) -> Int? {
            table.value(lowercasing: Array(text.utf8).span)
        }
        for (index, name) in names.enumerated() {
            #expect(lookUp(name) == index, "\(name)")
            #expect(lookUp(name.uppercased()) == index, "\(name)")
        }
        #expect(lookUp("BlockQuote") == 3)
        for other in ["", "b", "divs", "blockquotes", "seventeen-letters", "DÍV", "o;p"] {
            #expect(lookUp(other) == nil, "\(other)")
        }
    }
}
