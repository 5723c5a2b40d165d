/// A failure talking to a mail server, with enough to decide what to do next.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Could not connect, timed out, connection dropped: try again later.
        case network
        /// Wrong credentials or mechanism refused: log once, back off, the operator must act.
        case authentication
        /// The server answered with a temporary failure (SMTP 4xx, IMAP NO [UNAVAILABLE]…).
        case temporaryRejection
        /// The server refused for good (SMTP 5xx, IMAP NO/BAD on a command).
        case permanentRejection
        /// The server said something we could not parse.
        case protocolViolation
        /// Bad URL, unreadable password file, TLS setup: configuration to fix.
        case configuration
    }
    public var kind: Kind
    /// What was being done (`IMAP UID FETCH 42`, `SMTP send to ana@andina.cl`).
    public var operation: String
    /// The server's or library's own message, with its code when there is one.
    public var message: String
    /// curl's error code or the SMTP reply code, when known.
    public var code: Int?

    public init(_ kind: Kind, operation: String, message: String, code: Int? = nil) {
        self.kind = kind
        self.operation = operation
        self.message = message
        self.code = code
    }

    /// True when the same call may succeed later without anyone changing anything.
    public var isTemporary: Bool {
        switch kind {
        case .network, .temporaryRejection, .authentication: true
        case .permanentRejection, .protocolViolation, .configuration: false
        }
    }

    public var description: String {
        "\(operation): \(message)" + (code.map { " (code \($0))" } ?? "")
    }
}
