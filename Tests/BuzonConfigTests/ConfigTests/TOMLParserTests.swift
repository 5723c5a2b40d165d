import Testing
@testable import BuzonConfig

@Suite struct TOMLParserTests {
    private func parse(_ text: String) throws -> TOMLDocument {
        try TOMLParser.parse(text, file: "t.toml")
    }

    @Test func tablesArraysOfTablesAndRootKeys() throws {
        let document = try parse("""
        top = 1
        [gateway]
        a = "x"
        [[mailbox]]
        name = "one"
        [[mailbox]]
        name = "two"
        """)
        #expect(document.root["top"]?.value.kind == .integer(1))
        #expect(document.table("gateway")?.table["a"]?.value.kind == .string("x"))
        #expect(document.table("gateway")?.line == 2)
        #expect(document.arrayOfTables("mailbox").map { $0.table["name"]?.value.kind } == [.string("one"), .string("two")])
        #expect(document.arrayOfTables("mailbox").map(\.line) == [4, 6])
    }

    @Test func basicStringEscapes() throws {
        let document = try parse(#"s = "a\"b\\c\nd\te\u00e9\U0001F600""#)
        #expect(document.root["s"]?.value.kind == .string("a\"b\\c\nd\te\u{e9}\u{1F600}"))
    }

    @Test func literalStringsKeepBackslashes() throws {
        let document = try parse(#"p = 'C:\buzon\n' # comment"#)
        #expect(document.root["p"]?.value.kind == .string(#"C:\buzon\n"#))
    }

    @Test func integersWithSignsAndUnderscores() throws {
        let document = try parse("a = 26_214_400\nb = -5\nc = +7\nd = 0")
        #expect(document.root["a"]?.value.kind == .integer(26_214_400))
        #expect(document.root["b"]?.value.kind == .integer(-5))
        #expect(document.root["c"]?.value.kind == .integer(7))
        #expect(document.root["d"]?.value.kind == .integer(0))
    }

    @Test func booleans() throws {
        let document = try parse("t = true\nf = false")
        #expect(document.root["t"]?.value.kind == .boolean(true))
        #expect(document.root["f"]?.value.kind == .boolean(false))
    }

    @Test func quotedKeysAndHeaders() throws {
        let document = try parse("[\"odd name\"]\n\"key with space\" = 1\n'lit' = 2")
        let table = try #require(document.table("odd name"))
        #expect(table.table["key with space"]?.value.kind == .integer(1))
        #expect(table.table["lit"]?.value.kind == .integer(2))
    }

    @Test func multiLineArrayWithCommentsAndTrailingComma() throws {
        let document = try parse("""
        staff = [   # who answers
            "ana@empresa.com",  # Ana
            # a whole-line comment
            "luis@empresa.com",
        ]
        n = [1, 2,3]
        empty = []
        """)
        let staff = try #require(document.root["staff"])
        #expect(staff.keyLine == 1)
        guard case .array(let elements) = staff.value.kind else { Issue.record("not an array"); return }
        #expect(elements.map(\.kind) == [.string("ana@empresa.com"), .string("luis@empresa.com")])
        #expect(elements.map(\.line) == [2, 4])
        #expect(document.root["n"]?.value.kind == .array([TOMLValue(.integer(1), line: 6), TOMLValue(.integer(2), line: 6), TOMLValue(.integer(3), line: 6)]))
        #expect(document.root["empty"]?.value.kind == .array([]))
    }

    @Test func commentsBlankLinesCRLFAndBOM() throws {
        let document = try parse("\u{FEFF}# header comment\r\n\r\n  [gateway]  # trailing\r\nkey = \"v\" # c\r\n\tother=2\r\n")
        let gateway = try #require(document.table("gateway"))
        #expect(gateway.line == 3)
        #expect(gateway.table["key"]?.value.kind == .string("v"))
        #expect(gateway.table["other"]?.value.line == 5)
    }

    @Test func hashInsideStringIsNotAComment() throws {
        let document = try parse(###"m = "##- Por favor -##" # real comment"###)
        #expect(document.root["m"]?.value.kind == .string("##- Por favor -##"))
    }

    @Test func unicodeValuesSurviveUnchanged() throws {
        let document = try parse("name = \"Consultoría\"\nmarker = \"—–#### Por favor, no responda bajo este aviso ####—–\"")
        #expect(document.root["name"]?.value.kind == .string("Consultoría"))
        #expect(document.root["marker"]?.value.kind == .string("—–#### Por favor, no responda bajo este aviso ####—–"))
    }
}
