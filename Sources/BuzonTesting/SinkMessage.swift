/// One message the SMTP sink accepted: the envelope and the DATA bytes exactly as received.
public struct SinkMessage: Sendable, Hashable {
    /// `MAIL FROM` address; empty for the null reverse path `<>`.
    public var mailFrom: String
    public var recipients: [String]
    public var bytes: [UInt8]
    /// The AUTH login used, `nil` without AUTH.
    public var authLogin: String?
    /// "plain" (plain or STARTTLS port) or "tls" (implicit TLS port).
    public var listener: String
    /// The name the client gave in EHLO/HELO.
    public var heloName: String
}
