/// One node of the MIME tree.
public struct MIMEPart: Sendable {
    /// This part's own header block (for the root, the message's headers).
    public var headers: HeaderFields
    /// `type/subtype` lower-cased; `text/plain` when absent (RFC 2045 §5.2).
    public var contentType: String
    /// Content-Type parameters, names lower-cased, values decoded (RFC 2231 joined).
    public var parameters: [String: String]
    /// Children of a multipart, or the single encapsulated message of `message/rfc822`.
    public var children: [MIMEPart]
    /// Decoded content of a leaf (transfer encoding removed; text NOT yet charset-converted).
    public var body: [UInt8]

    public init(headers: HeaderFields = HeaderFields(), contentType: String = "text/plain",
                parameters: [String: String] = [:], children: [MIMEPart] = [], body: [UInt8] = []) {
        self.headers = headers
        self.contentType = contentType
        self.parameters = parameters
        self.children = children
        self.body = body
    }

    public var isMultipart: Bool { contentType.hasPrefix("multipart/") }

    /// Number of leaves below (and including) this part.
    public var leafCount: Int { children.isEmpty ? 1 : children.reduce(0) { $0 + $1.leafCount } }
}
