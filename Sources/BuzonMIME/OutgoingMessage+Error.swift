extension OutgoingMessage {
    /// Why a message cannot be rendered. Each case names the field so the operator can
    /// fix the template, the configuration or the data that produced it.
    public enum Error: Swift.Error, Hashable, CustomStringConvertible {
        /// An address that is not a plain `local@domain` (spaces, CR/LF, `<>`, `,`, `;`, …).
        case invalidAddress(field: String, address: String)
        /// A message id with spaces, controls, angle brackets or no `@`.
        case invalidMessageID(field: String, id: String)
        /// An extra header name outside RFC 5322 ftext (printable ASCII except `:`), or empty.
        case invalidHeaderName(String)
        /// An extra header that would duplicate a field the builder writes itself.
        case reservedHeaderName(String)
        /// An attachment content type that is not `type/subtype` tokens.
        case invalidContentType(filename: String, contentType: String)

        public var description: String {
            switch self {
            case .invalidAddress(let field, let address):
                return "\(field): invalid address \(String(reflecting: address)); expected local@domain "
                    + "without spaces, control characters, <>, commas or semicolons"
            case .invalidMessageID(let field, let id):
                return "\(field): invalid message id \(String(reflecting: id)); expected left@right without "
                    + "spaces, control characters or angle brackets"
            case .invalidHeaderName(let name):
                return "extra header name \(String(reflecting: name)) is not printable ASCII without ':'; "
                    + "fix the configured header name"
            case .reservedHeaderName(let name):
                return "extra header \(name) is written by the message builder itself; set the field instead"
            case .invalidContentType(let filename, let contentType):
                return "attachment \(String(reflecting: filename)): content type \(String(reflecting: contentType)) "
                    + "is not type/subtype; use e.g. application/octet-stream"
            }
        }
    }
}
