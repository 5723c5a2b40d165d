/// Builds the MIME tree (RFC 2045/2046) over the input bytes in one pass per level.
///
/// Boundaries are found with `BoundarySearcher` (`memchr` on dashes) on the raw bytes, leaves are transfer-decoded
/// straight into their final buffers; nothing else is copied. Nesting is bounded by
/// `Limits.maxNestingDepth` (recursion depth) and the number of parts by `Limits.maxParts`.
struct MIMETreeParser {
    let limits: MessageParser.Limits
    var diagnostics: [Diagnostic] = []
    private(set) var partCount = 0
    private var reportedTooManyParts = false
    /// How many `message/rfc822` parts enclose the entity being parsed.
    private var messageDepth = 0

    init(limits: MessageParser.Limits) { self.limits = limits }

    /// Parses the entity (header block + body) in `bytes[start..<end]`.
    /// - Parameter defaultType: RFC 2046 §5.1.5: `message/rfc822` inside `multipart/digest`, else `text/plain`.
    mutating func parseEntity(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                              depth: Int, defaultType: String = "text/plain") -> MIMEPart {
        partCount &+= 1
        let block = HeaderBlockParser(limits: limits).parse(bytes, from: start, to: end, diagnostics: &diagnostics)
        var part = describe(block.fields, defaultType: defaultType)
        let bodyStart = block.bodyStart
        if part.isMultipart {
            splitMultipart(&part, bytes, from: bodyStart, to: end, depth: depth)
        } else if part.isEncapsulatedMessage {
            part.body = decodeTransfer(bytes, from: bodyStart, to: end, encoding: part.transferEncoding)
            // Each level of attached message holds its own copy of the bytes below it, so
            // this depth bounds memory to (maxMessageNesting + 1) × the input.
            if depth &+ 1 >= limits.maxNestingDepth || messageDepth >= limits.maxMessageNesting {
                diagnostics.append(Diagnostic(.nestingTooDeep, "attached message nested \(messageDepth + 1) deep kept as bytes, not parsed"))
            } else {
                messageDepth &+= 1
                let inner = part.body.withUnsafeBufferPointer { parseEntity($0, from: 0, to: $0.count, depth: depth &+ 1) }
                messageDepth &-= 1
                part.children = [inner]
            }
        } else {
            part.body = decodeTransfer(bytes, from: bodyStart, to: end, encoding: part.transferEncoding)
        }
        return part
    }

    /// Reads the MIME header fields of one part into a childless `MIMEPart`.
    private mutating func describe(_ fields: HeaderFields, defaultType: String) -> MIMEPart {
        var part = MIMEPart(headers: fields, contentType: defaultType)
        if let raw = fields["Content-Type"] {
            let parsed = ContentHeaderValue.parse(raw, diagnostics: &diagnostics)
            // RFC 2045 §5.2: a syntactically invalid Content-Type means the default.
            if parsed.value.utf8.contains(0x2F) { part.contentType = MIMETreeParser.common(parsed.value) }
            part.parameters = parsed.parameters
        }
        if let raw = fields["Content-Transfer-Encoding"] {
            let token = MIMETreeParser.common(MIMETreeParser.lowercased(raw.trimmingQuotes()))
            part.transferEncoding = token.isEmpty ? nil : token
        }
        var filename: String?
        if let raw = fields["Content-Disposition"] {
            let parsed = ContentHeaderValue.parse(raw, diagnostics: &diagnostics)
            part.disposition = parsed.value.isEmpty ? nil : parsed.value
            filename = parsed.parameters["filename"]
        }
        if let name = filename ?? part.parameters["name"], !name.isEmpty {
            part.filename = EncodedWordDecoder.decode(name, diagnostics: &diagnostics)
        }
        if let raw = fields["Content-ID"] {
            part.contentID = MessageIDParser.parse(raw).first ?? raw.trimmingQuotes()
        }
        return part
    }

    /// `text`, or the equal constant when it is one of the common MIME types and transfer
    /// encodings: a constant is neither allocated nor freed, and every part has both.
    private static func common(_ text: String) -> String {
        let length = text.utf8.count
        return commonTokens.first { $0.utf8.count == length && $0 == text } ?? text
    }

    private static let commonTokens = [
        "text/plain", "text/html", "multipart/alternative", "multipart/mixed", "multipart/related",
        "multipart/report", "message/rfc822", "message/delivery-status", "application/pdf",
        "application/octet-stream", "image/png", "image/jpeg", "text/calendar",
        "base64", "quoted-printable", "7bit", "8bit", "binary",
    ]

    /// ASCII text lower-cased on its bytes (nothing trimmed); anything else the Unicode way,
    /// which gives the same for ASCII.
    private static func lowercased(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? ASCII.lowercased(text.utf8) : text.lowercased()
    }

    // MARK: Multipart

    /// RFC 2046 §5.1.1: dash-boundary := "--" boundary; the delimiter must start a line,
    /// may be followed by transport padding (whitespace); the close delimiter ends with "--".
    /// The CRLF before a delimiter belongs to the delimiter. Preamble and epilogue are ignored.
    private mutating func splitMultipart(_ part: inout MIMEPart, _ bytes: UnsafeBufferPointer<UInt8>,
                                         from bodyStart: Int, to end: Int, depth: Int) {
        guard depth &+ 1 < limits.maxNestingDepth else {
            diagnostics.append(Diagnostic(.nestingTooDeep, "multipart nested deeper than \(limits.maxNestingDepth) levels; its content was dropped"))
            return
        }
        var boundary = Array((part.parameters["boundary"] ?? "").utf8)
        var searcher = BoundarySearcher(boundary: boundary)
        var first = boundary.isEmpty ? nil : MultipartScanner.findDelimiter(bytes, searcher: searcher, from: bodyStart, bodyStart: bodyStart, end: end)
        if first == nil {
            if let guessed = MultipartScanner.guessBoundary(bytes, from: bodyStart, to: end) {
                diagnostics.append(Diagnostic(.missingBoundary, "boundary \"\(String(decoding: boundary, as: UTF8.self))\" not found; used \"\(String(decoding: guessed, as: UTF8.self))\" seen in the body"))
                boundary = guessed
                searcher = BoundarySearcher(boundary: boundary)
                first = MultipartScanner.findDelimiter(bytes, searcher: searcher, from: bodyStart, bodyStart: bodyStart, end: end)
            }
        }
        guard let firstDelimiter = first else {
            diagnostics.append(Diagnostic(.missingBoundary, "\(part.contentType) without a usable boundary; body read as text/plain"))
            part.contentType = "text/plain"
            part.body = decodeTransfer(bytes, from: bodyStart, to: end, encoding: nil)
            return
        }
        let childType = part.contentType == "multipart/digest" ? "message/rfc822" : "text/plain"
        var delimiter = firstDelimiter
        while !delimiter.isClose {
            guard partCount < limits.maxParts else {
                if !reportedTooManyParts {
                    reportedTooManyParts = true
                    diagnostics.append(Diagnostic(.tooManyParts, "more than \(limits.maxParts) MIME parts; the rest were ignored"))
                }
                return
            }
            let contentStart = delimiter.next
            guard let next = MultipartScanner.findDelimiter(bytes, searcher: searcher, from: contentStart, bodyStart: bodyStart, end: end) else {
                diagnostics.append(Diagnostic(.missingClosingBoundary, "no closing boundary \"--\(String(decoding: boundary, as: UTF8.self))--\"; last part runs to the end"))
                part.children.append(parseEntity(bytes, from: contentStart, to: end, depth: depth &+ 1, defaultType: childType))
                return
            }
            let contentEnd = MultipartScanner.contentEnd(bytes, before: next.start, notBefore: contentStart)
            part.children.append(parseEntity(bytes, from: contentStart, to: contentEnd, depth: depth &+ 1, defaultType: childType))
            delimiter = next
        }
    }

    // MARK: Transfer encodings

    /// RFC 2045 §6: undoes the Content-Transfer-Encoding. 7bit/8bit content has its CRLF
    /// line ends turned into LF (transport, not content); binary is copied as is; an unknown
    /// encoding is kept as is with a diagnostic (RFC 2045 §6.4: treat as application/octet-stream).
    private mutating func decodeTransfer(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                                         encoding: String?) -> [UInt8] {
        guard start < end else { return [] }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        switch encoding {
        case nil, "7bit", "8bit", "7-bit", "8-bit":
            return ASCII.normalizingLineEnds(slice)
        case "base64":
            let result = Base64Decoder.decode(slice)
            if result.junkCount > 0 || result.danglingBits {
                diagnostics.append(Diagnostic(.malformedBase64, "base64 with \(result.junkCount) invalid characters\(result.danglingBits ? " and a dangling final character" : ""); skipped"))
            }
            return result.bytes
        case "quoted-printable":
            let result = QuotedPrintableDecoder.decode(slice)
            if result.invalidEscapes > 0 {
                diagnostics.append(Diagnostic(.malformedQuotedPrintable, "\(result.invalidEscapes) invalid \"=\" sequences kept literally"))
            }
            return result.bytes
        case "binary":
            return Array(slice)
        case let other?:
            diagnostics.append(Diagnostic(.unknownTransferEncoding, "unknown Content-Transfer-Encoding \"\(other)\"; content kept as is"))
            return Array(slice)
        }
    }
}
