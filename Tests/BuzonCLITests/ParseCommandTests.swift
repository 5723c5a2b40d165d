import Testing
import Foundation

/// `buzon parse` through the built binary: the JSON contract, JSON Lines for a corpus,
/// standard input, unreadable files, malformed mail and the `--summary` totals line.
@Suite struct ParseCommandTests {
    static let keys = ["message_id", "in_reply_to", "references", "from", "to", "cc", "reply_to", "subject",
                       "date", "text", "reply", "attachments", "auto_submitted", "auto_generated", "diagnostics"]

    /// A plain, well-formed message whose facts do not depend on any parser heuristics.
    static let simple = """
        From: Ana Pérez <ana@cliente.es>\r
        To: soporte@empresa.com\r
        Subject: No puedo acceder\r
        Date: Sat, 21 Nov 2026 14:02:00 +0100\r
        Message-ID: <abc123@cliente.es>\r
        MIME-Version: 1.0\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        Hola, el portal me dice "clave incorrecta"\t\u{01} desde ayer.\r
        Gracias.\r

        """

    /// A multipart that declares no boundary, has 8-bit header bytes and broken base64.
    static let malformed: [UInt8] = Array("Subject: caf".utf8) + [0xE9, 0xFF] + Array("""
        \r
        Content-Type: multipart/mixed\r
        Content-Transfer-Encoding: base64\r
        \r
        --nada\r
        !!!!@@@@====\r

        """.utf8)

    /// Writes each content to its own file in a fresh temporary directory.
    func files(_ contents: [[UInt8]]) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("buzon-parse-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try contents.enumerated().map { index, bytes in
            let url = directory.appendingPathComponent("\(index).eml")
            try Data(bytes).write(to: url)
            return url.path
        }
    }

    func object(_ line: Substring) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(parsed as? [String: Any])
    }

    /// Positions of `"key":` in the text. A key pattern cannot match inside a string value:
    /// there every quote is written as `\"`, so the closing quote would be preceded by `\`.
    func keyOrder(_ line: Substring, _ keys: [String]) -> [String.Index?] {
        keys.map { line.range(of: "\"\($0)\":")?.lowerBound }
    }

    @Test func jsonHasTheContractKeysInOrder() throws {
        let paths = try files([Array(Self.simple.utf8)])
        let result = try BuzonBinary.run(["parse", "--json"] + paths)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == 1)
        let object = try object(lines[0])
        #expect(Set(object.keys) == Set(Self.keys), "a single file has no `file` key")
        let positions = keyOrder(lines[0], Self.keys)
        #expect(positions.allSatisfy { $0 != nil })
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted(), "keys must come in the documented order")
        #expect(object["references"] is [Any])
        #expect(object["attachments"] is [Any])
        #expect(object["auto_submitted"] is Bool)
    }

    @Test func jsonEscapesQuotesAndControlCharacters() throws {
        let paths = try files([Array(Self.simple.utf8)])
        let result = try BuzonBinary.run(["parse", "--json"] + paths)
        let line = try #require(result.stdout.split(separator: "\n").first)
        #expect(line.contains(#"\"clave incorrecta\"\t\u0001"#))
        let text = try #require(try object(line)["text"] as? String)
        #expect(text.contains("\"clave incorrecta\"\t\u{01} desde ayer."))
    }

    @Test func severalFilesGiveJSONLinesWithFileInArgumentOrder() throws {
        let paths = try files([Array(Self.simple.utf8), Self.malformed, Array(Self.simple.utf8)])
        let result = try BuzonBinary.run(["parse", "--json"] + paths)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == 3)
        for (line, path) in zip(lines, paths) {
            #expect(try object(line)["file"] as? String == path)
            let positions = keyOrder(line, Self.keys + ["file"]).compactMap { $0 }
            #expect(positions.count == Self.keys.count + 1 && positions == positions.sorted())
        }
    }

    @Test func dashReadsStandardInput() throws {
        let result = try BuzonBinary.run(["parse", "--json", "-"], stdin: Data(Self.simple.utf8))
        #expect(result.status == 0)
        let line = try #require(result.stdout.split(separator: "\n").first)
        let text = try #require(try object(line)["text"] as? String)
        #expect(text.contains("desde ayer."))
    }

    @Test func unreadableFileIsReportedAndTheOthersStillPrinted() throws {
        let good = try files([Array(Self.simple.utf8), Array(Self.simple.utf8)])
        let missing = good[0] + ".missing"
        let result = try BuzonBinary.run(["parse", "--json", good[0], missing, good[1]])
        #expect(result.status == 66)
        #expect(result.stderr.contains("buzon parse: cannot read \(missing): No such file or directory"))
        let files = try result.stdout.split(separator: "\n").map { try object($0)["file"] as? String }
        #expect(files == [good[0], good[1]])
    }

    @Test func malformedInputStillExitsZero() throws {
        for arguments in [["--json"], [], ["--summary"]] {
            let result = try BuzonBinary.run(["parse"] + arguments + (try files([Self.malformed, []])))
            #expect(result.status == 0, "arguments \(arguments): \(result.stderr)")
            #expect(!result.stdout.isEmpty)
        }
    }

    @Test func summaryPrintsOneLineOfTotals() throws {
        let contents = [Array(Self.simple.utf8), Self.malformed, Array(Self.simple.utf8)]
        let result = try BuzonBinary.run(["parse", "--summary"] + (try files(contents)))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == 1)
        let fields = Dictionary(uniqueKeysWithValues: lines[0].split(separator: " ").map { field in
            let pair = field.split(separator: "=", maxSplits: 1)
            return (String(pair[0]), String(pair.count > 1 ? pair[1] : ""))
        })
        #expect(fields["messages"] == "3")
        #expect(fields["input_bytes"] == String(contents.reduce(0) { $0 + $1.count }))
        for key in ["text_chars", "attachment_bytes", "leaf_parts", "reply_chars"] {
            #expect(fields[key].flatMap { Int($0) } != nil, "\(key) is a count")
        }
        #expect(Int(fields["leaf_parts"] ?? "") ?? 0 >= 3)
        #expect(fields["seconds"].flatMap { Double($0) } != nil)
    }

    @Test func usageErrorsExit64() throws {
        #expect(try BuzonBinary.run(["parse"]).status == 64)
        #expect(try BuzonBinary.run(["parse", "--json", "--summary", "x"]).status == 64)
        let unknown = try BuzonBinary.run(["parse", "--frob", "x"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown option '--frob'"))
    }
}
