/// Something the parser noticed and worked around. The parser never throws on bad mail:
/// it returns its best-effort value and says here what it guessed or cut.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, Codable {
        case headerWithoutColon
        /// An mbox `From ` or `>From ` line inside the header block, skipped.
        case misplacedMboxLine
        case headerTooLong
        case tooManyHeaders
        case eightBitHeader
        case malformedEncodedWord
        case unknownCharset
        case invalidCharsetBytes
        case malformedAddress
        case malformedDate
        case missingBoundary
        case missingClosingBoundary
        case nestingTooDeep
        case tooManyParts
        case malformedBase64
        case malformedQuotedPrintable
        case unknownTransferEncoding
        case truncated
    }
    public var code: Code
    /// Human-readable detail: what, where, and what was done instead.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
