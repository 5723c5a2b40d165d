import Foundation

/// A message Buzón sends (acknowledgements, agent replies), rendered to RFC 5322 bytes.
///
/// Safety contract — no header injection: text that may come from a customer (subject,
/// display names, extra header values, attachment filenames) has every control character
/// (C0, DEL, C1 including U+0085, U+2028, U+2029) replaced by a space BEFORE it is encoded,
/// so it can never end a header line. Addresses and the message's own Message-ID are not
/// repaired but rejected (`OutgoingMessage.Error` names the field), because a guessed
/// address could send mail to someone else. Ids in `In-Reply-To` and `References` come
/// from customers' mail: one that cannot be written safely is dropped, never an error
/// (see `threadingToken`). Every header line is folded to at most 78 octets where the
/// content allows and never more than 998.
public struct OutgoingMessage: Sendable {
    public struct Attachment: Sendable, Hashable {
        public var filename: String
        /// `type/subtype`, e.g. `application/pdf`.
        public var contentType: String
        public var data: [UInt8]

        public init(filename: String, contentType: String, data: [UInt8]) {
            self.filename = filename
            self.contentType = contentType
            self.data = data
        }
    }

    public var from: Address
    public var to: [Address]
    public var cc: [Address]
    public var replyTo: [Address]
    public var subject: String
    /// Without angle brackets.
    public var messageID: String
    public var date: Date
    /// Ids without angle brackets.
    public var inReplyTo: [String]
    public var references: [String]
    /// Additional fields (`Auto-Submitted: auto-replied`, `X-Buzon-Ticket: OP10044`), in order.
    public var extraHeaders: [(name: String, value: String)]
    public var textBody: String
    public var attachments: [Attachment]

    public init(from: Address, to: [Address], cc: [Address] = [], replyTo: [Address] = [], subject: String,
                messageID: String, date: Date, inReplyTo: [String] = [], references: [String] = [],
                extraHeaders: [(name: String, value: String)] = [], textBody: String, attachments: [Attachment] = []) {
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.messageID = messageID
        self.date = date
        self.inReplyTo = inReplyTo
        self.references = references
        self.extraHeaders = extraHeaders
        self.textBody = textBody
        self.attachments = attachments
    }

    /// A fresh message id `<millis-hex>.<32 hex random>@domain` (without brackets).
    /// The random part (128 bits from `SystemRandomNumberGenerator`) makes collisions
    /// negligible across restarts and hosts; the timestamp keeps ids sortable in logs.
    /// `domain` keeps only letters, digits, `.` and `-` (lower-cased); `localhost` if nothing is left.
    public static func makeMessageID(domain: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<2).map { _ in hex(generator.next() as UInt64, width: 16) }.joined()
        let millis = UInt64(max(0, Date().timeIntervalSince1970 * 1000))
        let cleanDomain = domain.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
        return "\(String(millis, radix: 16)).\(random)@\(cleanDomain.isEmpty ? "localhost" : cleanDomain)"
    }

    static func hex(_ value: UInt64, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
