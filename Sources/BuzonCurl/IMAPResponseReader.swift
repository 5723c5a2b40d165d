/// A cursor over one response's pieces: reads the tokens of RFC 3501 §9 (atoms, numbers,
/// quoted strings, literals, parenthesised lists) in order. A literal piece is the token that
/// follows the text piece ending in `{n}`.
struct IMAPResponseReader {
    private let pieces: [IMAPResponsePiece]
    private var piece = 0
    private var offset = 0

    init(_ pieces: [IMAPResponsePiece]) { self.pieces = pieces }

    static func parse(_ pieces: [IMAPResponsePiece]) throws(IMAPProtocolError) -> IMAPResponse {
        var reader = IMAPResponseReader(pieces)
        return try reader.response()
    }

    // MARK: Bytes

    private var text: [UInt8] {
        if case .text(let bytes) = pieces[piece] { return bytes }
        return []
    }

    /// The next byte of line text; `nil` at the end of a text piece (a literal or the end follows).
    var peek: UInt8? {
        guard piece < pieces.count, case .text(let bytes) = pieces[piece], offset < bytes.count else { return nil }
        return bytes[offset]
    }

    var atEnd: Bool { peek == nil && piece >= pieces.count - 1 }

    mutating func advance() { offset += 1 }

    mutating func expect(_ byte: UInt8, _ context: String) throws(IMAPProtocolError) {
        guard peek == byte else { throw fail("expected '\(Character(Unicode.Scalar(byte)))' \(context)") }
        advance()
    }

    mutating func space(_ context: String) throws(IMAPProtocolError) { try expect(0x20, context) }

    func fail(_ message: String) -> IMAPProtocolError {
        let shown = pieces.prefix(1).map { piece -> String in
            if case .text(let bytes) = piece { return String(decoding: bytes.prefix(200), as: UTF8.self) }
            return ""
        }.joined()
        return IMAPProtocolError(message: "\(message) in response \"\(shown)\"")
    }

    // MARK: Tokens

    /// RFC 3501: `atom = 1*ATOM-CHAR`. Also takes a bracketed section with its spaces and a
    /// `<origin>` suffix, so `BODY[]<0>` and `BODY[HEADER.FIELDS (FROM)]` are one name.
    mutating func atom(_ context: String) throws(IMAPProtocolError) -> String {
        var bytes: [UInt8] = []
        var depth = 0
        while let byte = peek {
            if depth == 0, byte == 0x20 || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") { break }
            if depth == 0, byte == UInt8(ascii: "]"), !bytes.contains(UInt8(ascii: "[")) { break }
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]") { depth -= 1 }
            if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "{") {
                throw fail("invalid character \(byte) in \(context)")
            }
            bytes.append(byte)
            advance()
        }
        guard !bytes.isEmpty else { throw fail("expected \(context)") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 3501: `number = 1*DIGIT ; Unsigned 32-bit integer`.
    mutating func number(_ context: String) throws(IMAPProtocolError) -> UInt32 {
        var value: UInt64 = 0
        var digits = 0
        while let byte = peek, (0x30 ... 0x39).contains(byte) {
            value = value * 10 + UInt64(byte - 0x30)
            digits += 1
            guard value <= UInt64(UInt32.max) else { throw fail("\(context) exceeds 32 bits") }
            advance()
        }
        guard digits > 0 else { throw fail("expected a number for \(context)") }
        return UInt32(value)
    }

    /// RFC 3501: `string = quoted / literal`; `nstring = string / nil`.
    mutating func nstring(_ context: String) throws(IMAPProtocolError) -> [UInt8]? {
        if peek == UInt8(ascii: "\"") { return try quoted(context) }
        if peek == nil, piece + 1 < pieces.count, case .literal(let bytes) = pieces[piece + 1] {
            piece += 2
            offset = 0
            return bytes
        }
        let word = try atom(context)
        guard word.uppercased() == "NIL" else { throw fail("expected a string for \(context), got \(word)") }
        return nil
    }

    /// RFC 3501: `quoted = DQUOTE *QUOTED-CHAR DQUOTE`, `QUOTED-CHAR = … / "\" quoted-specials`.
    mutating func quoted(_ context: String) throws(IMAPProtocolError) -> [UInt8] {
        try expect(UInt8(ascii: "\""), "opening \(context)")
        var bytes: [UInt8] = []
        while let byte = peek {
            advance()
            if byte == UInt8(ascii: "\"") { return bytes }
            if byte == UInt8(ascii: "\\") {
                guard let escaped = peek, escaped == UInt8(ascii: "\"") || escaped == UInt8(ascii: "\\") else {
                    throw fail("bad escape in quoted \(context)")
                }
                advance()
                bytes.append(escaped)
            } else {
                bytes.append(byte)
            }
        }
        throw fail("unterminated quoted \(context)")
    }

    /// How deep `skipValue` follows nested lists. RFC 3501 sets no limit, and a response line
    /// may be a megabyte long: a server sending `((((…` a million deep would otherwise take
    /// the recursion past the thread's stack and kill the daemon. The deepest value a server
    /// sends in a FETCH Buzón did not ask for is a BODYSTRUCTURE, two levels per MIME level,
    /// and no real message nests anywhere near 100 MIME levels.
    static let maxNesting = 200

    /// Skips one value of any shape (for FETCH items Buzón did not ask for). Throws a
    /// protocol error, rather than recursing further, when lists nest deeper than `maxNesting`.
    mutating func skipValue(_ context: String) throws(IMAPProtocolError) {
        try skipValue(context, depth: 0)
    }

    private mutating func skipValue(_ context: String, depth: Int) throws(IMAPProtocolError) {
        if peek == UInt8(ascii: "(") {
            guard depth < Self.maxNesting else {
                throw fail("lists nested deeper than \(Self.maxNesting) levels in \(context)")
            }
            advance()
            while peek != UInt8(ascii: ")") {
                if peek == 0x20 { advance(); continue }
                guard !atEnd else { throw fail("unterminated list in \(context)") }
                try skipValue(context, depth: depth + 1)
            }
            advance()
        } else if peek == UInt8(ascii: "\"") || peek == nil {
            _ = try nstring(context)
        } else {
            _ = try atom(context)
        }
    }

    /// Everything left on the current line as text (the human part of a status response).
    mutating func restOfLine() -> String {
        guard piece < pieces.count else { return "" }
        let bytes = text
        let rest = offset < bytes.count ? Array(bytes[offset...]) : []
        offset = bytes.count
        return String(decoding: rest, as: UTF8.self)
    }

    mutating func expectEnd(_ context: String) throws(IMAPProtocolError) {
        guard atEnd else { throw fail("unexpected data after \(context)") }
    }
}
