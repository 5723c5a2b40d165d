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
}
