import Testing
@testable import BuzonCurl

@Suite struct IMAPResponseParserTests {
    /// Feeds `wire` in pieces of `chunk` bytes and collects every response.
    private func parse(_ wire: [UInt8], chunk: Int = .max) throws -> [IMAPResponse] {
        var parser = IMAPResponseParser()
        var responses: [IMAPResponse] = []
        var offset = 0
        while offset < wire.count {
            let end = min(wire.count, offset + chunk)
            parser.append(Array(wire[offset ..< end]))
            offset = end
            while let response = try parser.next() { responses.append(response) }
        }
        return responses
    }

    private let body = Array("Subject: x\r\n\r\n) {3}\r\n* 2 FETCH (BODY[] NIL)\r\nB9 OK fake\r\n".utf8)

    private var fetchWire: [UInt8] {
        Array("* 12 FETCH (UID 345 RFC822.SIZE \(body.count) BODY[] {\(body.count)}\r\n".utf8) + body
            + Array(")\r\nB1 OK [READ-WRITE] Fetch completed.\r\n".utf8)
    }

    @Test func literalBytesComeBackExactlyWhateverTheChunking() throws {
        for chunk in [1, 2, 7, 64, Int.max] {
            let responses = try parse(fetchWire, chunk: chunk)
            #expect(responses.count == 2, "chunk \(chunk)")
            guard case .untagged(.fetch(let sequence, let items)) = responses.first else {
                Issue.record("no FETCH for chunk \(chunk)")
                continue
            }
            #expect(sequence == 12)
            #expect(items.uid == 345 && items.size == body.count && items.body == body && items.bodyOrigin == nil)
            #expect(responses.last == .tagged(tag: "B1", IMAPStatus(condition: .ok, code: .other("READ-WRITE"), text: "Fetch completed.")))
        }
    }

    @Test func statusResponsesWithCodes() throws {
        let wire = Array(("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n* OK [UIDNEXT 4392] Predicted next UID\r\n"
            + "* 172 EXISTS\r\nB2 NO [TRYCREATE] Mailbox doesn't exist: Procesados\r\n* BYE bye\r\n+ Ready\r\n"
            + "B3 NO [UNAVAILABLE] try later\r\nB4 BAD Error in IMAP command\r\n").utf8)
        let responses = try parse(wire)
        #expect(responses == [
            .untagged(.status(IMAPStatus(condition: .ok, code: .uidValidity(3_857_529_045), text: "UIDs valid"))),
            .untagged(.status(IMAPStatus(condition: .ok, code: .uidNext(4392), text: "Predicted next UID"))),
            .untagged(.exists(172)),
            .tagged(tag: "B2", IMAPStatus(condition: .no, code: .tryCreate, text: "Mailbox doesn't exist: Procesados")),
            .untagged(.status(IMAPStatus(condition: .bye, code: nil, text: "bye"))),
            .continuation("Ready"),
            .tagged(tag: "B3", IMAPStatus(condition: .no, code: .temporary("UNAVAILABLE"), text: "try later")),
            .tagged(tag: "B4", IMAPStatus(condition: .bad, code: nil, text: "Error in IMAP command")),
        ])
    }

    @Test func searchCapabilityAndUnsolicitedFlags() throws {
        let wire = Array(("* SEARCH 2 84 882\r\n* SEARCH\r\n* CAPABILITY IMAP4rev1 UIDPLUS move\r\n"
            + "* 3 FETCH (UID 7 FLAGS (\\Seen \\Deleted))\r\n* 4 FETCH (UID 8 BODY[]<0> {3}\r\nabc)\r\n"
            + "* 5 FETCH (UID 9 BODY[] \"a\\\"b\")\r\n* 6 EXPUNGE\r\n* FLAGS (\\Seen)\r\n").utf8)
        let responses = try parse(wire)
        #expect(responses == [
            .untagged(.search([2, 84, 882])),
            .untagged(.search([])),
            .untagged(.capability(["IMAP4REV1", "UIDPLUS", "MOVE"])),
            .untagged(.fetch(sequence: 3, IMAPFetchItems(uid: 7, flags: ["\\Seen", "\\Deleted"]))),
            .untagged(.fetch(sequence: 4, IMAPFetchItems(uid: 8, body: Array("abc".utf8), bodyOrigin: 0))),
            .untagged(.fetch(sequence: 5, IMAPFetchItems(uid: 9, body: Array("a\"b".utf8)))),
            .untagged(.expunge(6)),
            .untagged(.other("FLAGS")),
        ])
    }

    @Test(arguments: [
        "* 1 EXISTS\n",                        // bare LF
        "* 1 FETCH (BODY[] {12a}\r\n",        // malformed literal length
        "* 1 FETCH (UID 4294967296)\r\n",     // number over 32 bits
        "* 1 FETCH (UID 5\r\n",               // unterminated list
        "* 1 FETCH (BODY[] \"abc)\r\n",        // unterminated quoted string
        "B1 MAYBE done\r\n",                  // unknown status
    ])
    func malformedResponsesAreProtocolErrors(wire: String) {
        #expect(throws: IMAPProtocolError.self) { try parse(Array(wire.utf8)) }
    }

    @Test func lineWithoutCRLFBeyondTheLimitIsAnError() {
        var parser = IMAPResponseParser()
        parser.maxLineLength = 100
        parser.append(Array(repeating: UInt8(ascii: "a"), count: 101))
        #expect(throws: IMAPProtocolError.self) { try parser.next() }
    }

    /// A hostile or broken server nesting an unasked-for FETCH item a million deep (the line
    /// stays under the 1 MiB line limit) must get a protocol error, not overflow the stack of
    /// the recursive skip; nesting up to the limit is still skipped.
    @Test func deeplyNestedUnknownItemIsAProtocolErrorNotAStackOverflow() throws {
        func fetch(nestedLists depth: Int) -> [UInt8] {
            Array("* 1 FETCH (UID 7 X-DEEP ".utf8) + Array(repeating: UInt8(ascii: "("), count: depth)
                + Array(repeating: UInt8(ascii: ")"), count: depth) + Array(")\r\n".utf8)
        }
        let atLimit = try parse(fetch(nestedLists: IMAPResponseReader.maxNesting))
        #expect(atLimit == [.untagged(.fetch(sequence: 1, IMAPFetchItems(uid: 7)))])
        #expect {
            try parse(fetch(nestedLists: 1_000_000))
        } throws: { error in
            (error as? IMAPProtocolError)?.message.contains("nested deeper than \(IMAPResponseReader.maxNesting)") == true
        }
    }

    @Test func incompleteLiteralWaitsForMoreBytes() throws {
        var parser = IMAPResponseParser()
        parser.append(Array("* 1 FETCH (UID 1 BODY[] {10}\r\n12345".utf8))
        #expect(try parser.next() == nil)
        parser.append(Array("67890)\r\n".utf8))
        #expect(try parser.next() == .untagged(.fetch(sequence: 1, IMAPFetchItems(uid: 1, body: Array("1234567890".utf8)))))
    }
}

@Suite struct IMAPMailboxNameTests {
    @Test(arguments: [
        ("Procesados", "Procesados"),
        ("Nuevos/Año", "Nuevos/A&APE-o"),
        // RFC 3501 §5.1.3's example.
        ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
        ("Tom & Jerry", "Tom &- Jerry"),
        ("😀", "&2D3eAA-"),
    ])
    func modifiedUTF7(name: String, encoded: String) {
        #expect(IMAPMailboxName.modifiedUTF7(name) == encoded)
    }

    @Test func quotingEscapesQuoteAndBackslash() throws {
        #expect(try IMAPMailboxName.wire(#"a"b\c"#) == #""a\"b\\c""#)
        #expect(try IMAPMailboxName.wire("inbox") == "INBOX")
        #expect(throws: TransportErrorReason.self) { try IMAPMailboxName.wire("a\tb") }
        #expect(throws: TransportErrorReason.self) { try IMAPMailboxName.wire("") }
    }

    @Test func uidSetsCompressRuns() {
        #expect(IMAPClient.uidSet([1, 2, 3, 5, 7, 8]) == "1:3,5,7:8")
        #expect(IMAPClient.uidSet([42]) == "42")
        #expect(IMAPClient.batches([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]])
    }
}
