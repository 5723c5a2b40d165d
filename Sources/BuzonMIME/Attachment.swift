import CCrypto

/// An attachment or inline part, with its decoded bytes.
public struct Attachment: Sendable {
    /// Decoded filename (RFC 2231 or RFC 2047), nil when the part names none.
    public var filename: String?
    /// `type/subtype`, lower-cased.
    public var contentType: String
    /// `Content-ID` without angle brackets, for inline parts referenced from HTML.
    public var contentID: String?
    /// True for `Content-Disposition: inline` parts (images in signatures, pasted screenshots).
    public var isInline: Bool
    /// The decoded content.
    public var data: [UInt8]

    public init(filename: String?, contentType: String, contentID: String? = nil, isInline: Bool, data: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.contentID = contentID
        self.isInline = isInline
        self.data = data
    }

    public var size: Int { data.count }

    /// Lower-case hex SHA-256 of the decoded bytes; computed on demand because the hot
    /// parse path must not pay for it.
    public var sha256: String { SHA256.hex(of: data) }
}
