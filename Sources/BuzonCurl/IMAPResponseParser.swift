/// Splits the server's byte stream into complete responses, strictly.
///
/// RFC 3501 §4.3: "A literal is a sequence of zero or more octets (including CR and LF),
/// prefix-quoted with an octet count in the form of an open brace ("{"), the number of octets,
/// close brace ("}"), and CRLF." A response is therefore lines glued together by literals:
/// text `{n}` CRLF <n octets> text … CRLF. Literal octets are taken by count, never scanned,
/// so a message containing CRLF, `)` or a 100,000-character line comes back exactly.
///
/// Usage: `append` what the socket gave, then call `next()` until it returns `nil`.
struct IMAPResponseParser {
    /// A line longer than this without CRLF is a broken server, not a message (message bytes
    /// travel in literals, which are not limited by this).
    var maxLineLength = 1 << 20
    var maxLiteralLength = 1 << 30

    private var buffer: [UInt8] = []
    private var start = 0
    private var scanFrom = 0
    private var pieces: [IMAPResponsePiece] = []
    /// The literal being received: its bytes so far (capacity reserved for all of it) and how
    /// many are still to come. Literal bytes go straight from the socket's chunk into it, so a
    /// 27 MB message costs 27 MB once — not a growing receive buffer plus a copy of it.
    private var pendingLiteral: (bytes: [UInt8], remaining: Int)?

    /// Bytes received but not yet returned as part of a complete response.
    var bufferedCount: Int { buffer.count - start + (pendingLiteral?.bytes.count ?? 0) }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    mutating func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete response, or `nil` when more bytes are needed.
    mutating func next() throws(IMAPProtocolError) -> IMAPResponse? {
        while true {
            if var literal = pendingLiteral {
                pendingLiteral = nil  // the array is uniquely referenced while it grows
                let take = min(literal.remaining, buffer.count - start)
                literal.bytes.append(contentsOf: buffer[start ..< start + take])
                literal.remaining -= take
                consume(upTo: start + take)
                guard literal.remaining == 0 else {
                    pendingLiteral = literal
                    return nil
                }
                pieces.append(.literal(literal.bytes))
                continue
            }
            guard let lineFeed = buffer[scanFrom...].firstIndex(of: 0x0A) else {
                scanFrom = buffer.count
                if buffer.count - start > maxLineLength {
                    throw IMAPProtocolError(message: "a response line exceeds \(maxLineLength) bytes without CRLF")
                }
                return nil
            }
            // RFC 3501 §2.2: "All interactions … are in the form of lines, that is, strings
            // that end with a CRLF." A bare LF outside a literal is not allowed.
            guard lineFeed > start, buffer[lineFeed - 1] == 0x0D else {
                throw IMAPProtocolError(message: "a response line ends with a bare LF")
            }
            let line = Array(buffer[start ..< lineFeed - 1])
            consume(upTo: lineFeed + 1)
            if let (text, length) = try Self.splitLiteralPrefix(line) {
                guard length <= maxLiteralLength else {
                    throw IMAPProtocolError(message: "a literal of \(length) bytes exceeds the limit \(maxLiteralLength)")
                }
                pieces.append(.text(text))
                var bytes: [UInt8] = []
                // Up front only up to 64 MiB: a count is the server's word, not yet bytes.
                bytes.reserveCapacity(min(length, 1 << 26))
                pendingLiteral = (bytes, length)
                continue
            }
            pieces.append(.text(line))
            let complete = pieces
            pieces = []
            return try IMAPResponseReader.parse(complete)
        }
    }

    private mutating func consume(upTo index: Int) {
        start = index
        scanFrom = index
        // Compact once the consumed prefix dominates, so memory stays proportional to one response.
        if start > 65_536, start * 2 > buffer.count {
            buffer.removeSubrange(0 ..< start)
            scanFrom -= start
            start = 0
        }
    }

    /// `… {123}` or `… {123+}` at the end of a line: the text before it and the count.
    static func splitLiteralPrefix(_ line: [UInt8]) throws(IMAPProtocolError) -> ([UInt8], Int)? {
        guard line.last == UInt8(ascii: "}"), let open = line.lastIndex(of: UInt8(ascii: "{")) else { return nil }
        var digits = line[(open + 1) ..< (line.count - 1)]
        if digits.last == UInt8(ascii: "+") { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ (0x30 ... 0x39).contains($0) }) else {
            throw IMAPProtocolError(message: "malformed literal length \(String(decoding: line[open...], as: UTF8.self))")
        }
        let length = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return (Array(line[..<open]), length)
    }
}
