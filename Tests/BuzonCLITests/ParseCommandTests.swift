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

    /// A request with one small base64 attachment (`hola\n`).
    static let withAttachment = """
        From: soporte@empresa.com\r
        Subject: =?UTF-8?Q?Factura_n=C2=BA_7?=\r
        Message-ID: <f7@empresa.com>\r
        Content-Type: multipart/mixed; boundary="b1"\r
        \r
        --b1\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        Adjunto la factura.\r
        --b1\r
        Content-Type: application/pdf; name="factura.pdf"\r
        Content-Disposition: attachment; filename="factura.pdf"\r
        Content-Transfer-Encoding: base64\r
        \r
        aG9sYQo=\r
        --b1--\r

        """

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

    // MARK: Parsed facts. These four need the real parser and fail against the placeholder in
    // BuzonMIME; they were verified green on a merge with wip/mime (70b3726) + wip/trim (f0ddc39).

    @Test func jsonCarriesTheParsedFacts() throws {
        let paths = try files([Array(Self.simple.utf8)])
        let line = try #require(try BuzonBinary.run(["parse", "--json"] + paths).stdout.split(separator: "\n").first)
        let object = try object(line)
        #expect(object["message_id"] as? String == "abc123@cliente.es")
        #expect(object["subject"] as? String == "No puedo acceder")
        #expect(object["date"] as? String == "2026-11-21T13:02:00Z")
        let from = try #require(object["from"] as? [String: Any])
        #expect(from["name"] as? String == "Ana Pérez")
        #expect(from["address"] as? String == "ana@cliente.es")
        let to = try #require(object["to"] as? [[String: Any]])
        #expect(to.map { $0["address"] as? String } == ["soporte@empresa.com"])
        #expect(object["in_reply_to"] is NSNull)
        #expect(object["auto_submitted"] as? Bool == false)
        #expect((object["reply"] as? String)?.hasPrefix("Hola, el portal") == true)
    }

    @Test func jsonDescribesAttachments() throws {
        let paths = try files([Array(Self.withAttachment.utf8)])
        let line = try #require(try BuzonBinary.run(["parse", "--json"] + paths).stdout.split(separator: "\n").first)
        let object = try object(line)
        #expect(object["subject"] as? String == "Factura nº 7")
        let attachments = try #require(object["attachments"] as? [[String: Any]])
        try #require(attachments.count == 1)
        #expect(attachments[0]["filename"] as? String == "factura.pdf")
        #expect(attachments[0]["content_type"] as? String == "application/pdf")
        #expect(attachments[0]["size"] as? Int == 5)
        #expect(attachments[0]["sha256"] as? String == "133ee989293f92736301280c6f14c89d521200c17dcdcecca30cd20705332d44")
        #expect(attachments[0]["inline"] as? Bool == false)
        #expect((object["text"] as? String)?.contains("Adjunto la factura.") == true)
    }

    @Test func humanSummaryShowsSenderSubjectAndAttachments() throws {
        let paths = try files([Array(Self.simple.utf8), Array(Self.withAttachment.utf8)])
        let result = try BuzonBinary.run(["parse"] + paths)
        #expect(result.status == 0)
        #expect(result.stdout.contains("From:        Ana Pérez <ana@cliente.es>"))
        #expect(result.stdout.contains("Subject:     No puedo acceder"))
        #expect(result.stdout.contains("Date:        2026-11-21T13:02:00Z"))
        #expect(result.stdout.contains("Attachment:  factura.pdf (application/pdf, 5 bytes)"))
    }

    @Test func summaryCountsDecodedAttachmentBytes() throws {
        let paths = try files([Array(Self.withAttachment.utf8), Array(Self.simple.utf8)])
        let line = try BuzonBinary.run(["parse", "--summary"] + paths).stdout
        #expect(line.contains(" attachment_bytes=5 "))
        #expect(line.contains(" leaf_parts=3 "))
    }

    // MARK: Contract of the command, whatever the parser makes of the bytes.

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
