import BuzonTransport

/// How to reach one IMAP folder. `url` names server and folder: `imap://host:port/FOLDER`
/// (STARTTLS when `requireTLS`) or `imaps://host:port/FOLDER` (implicit TLS). Credentials are
/// never part of the URL: `password` or `bearerToken` (XOAUTH2) carry them, and neither is
/// ever logged or put into an error message.
public struct IMAPConfiguration: Sendable, CustomStringConvertible {
    /// Parsed once, by the configuration (`ServerURL(parsing:schemes:)`); its scheme must be `imap` or `imaps`.
    public var url: ServerURL
    public var username: String
    public var password: String?
    /// OAuth 2 access token: XOAUTH2 via `CURLOPT_XOAUTH2_BEARER` and `AUTH=XOAUTH2`.
    public var bearerToken: String?
    /// PEM file of the CA that signed the server certificate (the test certificate in tests).
    public var caFile: String?
    /// For `imap://`, refuse to log in unless STARTTLS succeeded (`CURLUSESSL_ALL`).
    public var requireTLS: Bool
    /// Skips certificate verification. Only for tests that cannot supply `caFile`.
    public var insecureSkipVerify: Bool
    public var connectTimeout: Duration
    /// Longest wait for the server to send or accept data before the call fails as `.network`.
    public var ioTimeout: Duration
    /// UIDs per pipelined `UID FETCH` command.
    public var fetchBatchSize: Int

    /// `requireTLS` defaults to true unless the host is loopback (127.0.0.0/8, ::1, localhost).
    public init(url: ServerURL, username: String, password: String? = nil, bearerToken: String? = nil,
                caFile: String? = nil, requireTLS: Bool? = nil, insecureSkipVerify: Bool = false,
                connectTimeout: Duration = .seconds(15), ioTimeout: Duration = .seconds(60),
                fetchBatchSize: Int = 50) {
        self.url = url
        self.username = username
        self.password = password
        self.bearerToken = bearerToken
        self.caFile = caFile
        self.requireTLS = requireTLS ?? !url.isLoopback
        self.insecureSkipVerify = insecureSkipVerify
        self.connectTimeout = connectTimeout
        self.ioTimeout = ioTimeout
        self.fetchBatchSize = max(1, fetchBatchSize)
    }

    /// Never shows the password or token.
    public var description: String {
        let secret = bearerToken != nil ? "token" : (password != nil ? "password" : "none")
        return "IMAPConfiguration(url: \(url), username: \(username), credentials: \(secret), requireTLS: \(requireTLS))"
    }
}
