import Testing
@testable import BuzonConfig

/// Every parse error names the file and the right line, and says what to write.
@Suite struct TOMLParserErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var line: Int
        var message: String
        var testDescription: String { message }
    }

    static let cases: [Case] = [
        Case(text: "[gateway]\n\npoll_seconds 60", line: 3, message: "expected '=' after key \"poll_seconds\""),
        Case(text: "a = 1\na = 2", line: 2, message: "duplicate key \"a\" (first set on line 1)"),
        Case(text: "[gateway]\nx = 1\n[gateway]", line: 3, message: "duplicate table [gateway] (first on line 1)"),
        Case(text: "[[mailbox]]\n[mailbox]", line: 2, message: "[mailbox] here but [[mailbox]] on line 1"),
        Case(text: "[gateway]\n[[gateway]]", line: 2, message: "[[gateway]] here but [gateway] on line 1"),
        Case(text: "[gateway\nx = 1", line: 1, message: "expected ']' to close the header [gateway"),
        Case(text: "[[mailbox]\n", line: 1, message: "expected ']]' to close the header [[mailbox"),
        Case(text: "[a.b]", line: 1, message: "dotted table names"),
        Case(text: "\n\na.b = 1", line: 3, message: "dotted keys like a.… are not supported"),
        Case(text: "a = \"unterminated\nb = 1", line: 1, message: "unterminated string"),
        Case(text: "\na = 'open", line: 2, message: "unterminated string: close it with '"),
        Case(text: "a = \"bad \\q escape\"", line: 1, message: "invalid escape \\q"),
        Case(text: "a = \"\\u12\"", line: 1, message: "\\u needs exactly 4 hexadecimal digits"),
        Case(text: "a = \"\\uD800\"", line: 1, message: "\\uD800 is not a Unicode character"),
        Case(text: "a = \"\"\"multi\"\"\"", line: 1, message: "multi-line strings"),
        Case(text: "\na = 1.5", line: 2, message: "1.5 is a float"),
        Case(text: "a = 2026-12-25", line: 1, message: "dates and times must be quoted strings: write \"2026-12-25\""),
        Case(text: "a = 1__000", line: 1, message: "1__000 is not a valid integer"),
        Case(text: "a = 007", line: 1, message: "leading zeros"),
        Case(text: "a = 99999999999999999999", line: 1, message: "too large"),
        Case(text: "after = seen", line: 1, message: "strings must be quoted: write after = \"seen\""),
        Case(text: "a = { b = 1 }", line: 1, message: "inline tables"),
        Case(text: "a =\nb = 1", line: 1, message: "missing value after '=' for key \"a\""),
        Case(text: "a = # nothing", line: 1, message: "missing value after '=' for key \"a\""),
        Case(text: "a = [\n  \"x\",\n  1,\n]", line: 3, message: "array \"a\" mixes string and integer values"),
        Case(text: "a = [[1], [2]]", line: 1, message: "nested arrays"),
        Case(text: "a = [\n \"x\"\n \"y\"\n]", line: 3, message: "expected ',' or ']' in the array for key \"a\""),
        Case(text: "\n\na = [\n \"x\",\n", line: 3, message: "unterminated array for key \"a\""),
        Case(text: "a = 1 b = 2", line: 1, message: "unexpected 'b' after the value"),
        Case(text: "a = \"x\" \"y\"", line: 1, message: "unexpected '\"' after the value"),
        Case(text: "= 1", line: 1, message: "expected a key"),
        Case(text: "a = truex", line: 1, message: "strings must be quoted"),
        Case(text: "a = \"x\"\r\nb = 1\r\nb = 2\r\n", line: 3, message: "duplicate key \"b\" (first set on line 2)"),
    ]

    @Test(arguments: cases) func errorIsLocatedAndExplained(_ testCase: Case) {
        do {
            let document = try TOMLParser.parse(testCase.text, file: "buzon.toml")
            Issue.record("parsed without error: \(document)")
        } catch {
            #expect(error.file == "buzon.toml")
            #expect(error.line == testCase.line, "\(error)")
            #expect(error.message.contains(testCase.message), "\(error)")
            #expect(error.description.hasPrefix("buzon.toml:\(testCase.line): "))
        }
    }

    @Test func suiteHasCases() {
        #expect(Self.cases.count > 30)
    }
}
