import BuzonTransport

/// How to reach the outgoing mail server: `smtp://host:port` (STARTTLS when `requireTLS`) or
/// `smtps://host:port` (implicit TLS). The password is never logged or put into an error.
public struct SMTPConfiguration: Sendable, CustomStringConvertible {
    /// Parsed once, by the configuration (`ServerURL(parsing:schemes:)`); its scheme must be `smtp` or `smtps`.
    public var url: ServerURL
    /// `nil` sends no AUTH (a local relay that trusts the connection).
    public var username: String?
    public var password: String?
    public var caFile: String?
    /// For `smtp://`, refuse to send unless STARTTLS succeeded (`CURLUSESSL_ALL`).
    public var requireTLS: Bool
    public var insecureSkipVerify: Bool
    /// The EHLO name; curl takes it from the URL path. `nil` keeps the URL's path (or curl's default).
    public var heloName: String?
    public var connectTimeout: Duration
    /// A transfer slower than 1 byte/s for this long fails as `.network`.
    public var ioTimeout: Duration

    /// `requireTLS` defaults to true unless the host is loopback (127.0.0.0/8, ::1, localhost).
    public init(url: ServerURL, username: String? = nil, password: String? = nil, caFile: String? = nil,
                requireTLS: Bool? = nil, insecureSkipVerify: Bool = false, heloName: String? = nil,
                connectTimeout: Duration = .seconds(15), ioTimeout: Duration = .seconds(60)) {
        self.url = url
        self.username = username
        self.password = password
        self.caFile = caFile
        self.requireTLS = requireTLS ?? !url.isLoopback
        self.insecureSkipVerify = insecureSkipVerify
        self.heloName = heloName
        self.connectTimeout = connectTimeout
        self.ioTimeout = ioTimeout
    }

    /// Never shows the password.
    public var description: String {
        "SMTPConfiguration(url: \(url), username: \(username ?? "-"), password: \(password == nil ? "none" : "set"), requireTLS: \(requireTLS))"
    }
}
