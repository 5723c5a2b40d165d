/// One node of the MIME tree.
public struct MIMEPart: Sendable {
    /// This part's own header block (for the root, the message's headers).
    public var headers: HeaderFields
    /// `type/subtype` lower-cased; `text/plain` when absent (RFC 2045 §5.2).
    public var contentType: String
    /// Content-Type parameters, names lower-cased, values decoded (RFC 2231 joined).
    public var parameters: MIMEParameters
    /// Children of a multipart, or the single encapsulated message of `message/rfc822`.
    public var children: [MIMEPart]
    /// Decoded content of a leaf (transfer encoding removed; text NOT yet charset-converted).
    /// Line ends of 7bit, 8bit and quoted-printable content are LF (CRLF is transport, and the
    /// same mail stored either way must give the same bytes); base64 and binary are untouched.
    /// For `message/rfc822` parts: the encapsulated message as written (transfer encoding removed).
    public var body: [UInt8]
    /// `Content-Disposition` token lower-cased (`inline`, `attachment`), nil when absent.
    public var disposition: String?
    /// Filename from `Content-Disposition filename=` or else `Content-Type name=`,
    /// RFC 2231 and RFC 2047 decoded; nil when the part names none.
    public var filename: String?
    /// `Content-ID` without angle brackets.
    public var contentID: String?
    /// `Content-Transfer-Encoding` lower-cased, nil when absent (7bit).
    public var transferEncoding: String?

    public init(headers: HeaderFields = HeaderFields(), contentType: String = "text/plain",
                parameters: MIMEParameters = [:], children: [MIMEPart] = [], body: [UInt8] = [],
                disposition: String? = nil, filename: String? = nil, contentID: String? = nil,
                transferEncoding: String? = nil) {
        self.headers = headers
        self.contentType = contentType
        self.parameters = parameters
        self.children = children
        self.body = body
        self.disposition = disposition
        self.filename = filename
        self.contentID = contentID
        self.transferEncoding = transferEncoding
    }

    /// `message/rfc822` (or its RFC 6532 twin `message/global`): an attached e-mail.
    public var isEncapsulatedMessage: Bool { contentType == "message/rfc822" || contentType == "message/global" }

    /// The `charset` parameter, nil when absent.
    public var charset: String? { parameters["charset"] }

    public var isMultipart: Bool { contentType.hasPrefix("multipart/") }

    /// Number of leaves below (and including) this part.
    public var leafCount: Int { children.isEmpty ? 1 : children.reduce(0) { $0 + $1.leafCount } }
}
