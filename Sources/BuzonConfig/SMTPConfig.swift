import BuzonTransport
/// `[smtp]`: where acknowledgements, notices and staff replies are sent from.
public struct SMTPConfig: Sendable {
    /// `smtp://host[:port]` (STARTTLS when offered or required) or `smtps://host[:port]`.
    public var url = ServerURL(scheme: "smtp", host: "127.0.0.1", port: 25)
    public var username: String?
    public var password: Secret?
    /// The From address of every message the desk sends, normalized.
    public var from: String
    /// Display name of the From address; also the `{{desk_name}}` of templates.
    public var fromName = "Soporte"
    public var caFile: String?
    /// Refuse to send without TLS. Default: true unless the host is loopback.
    public var requireTLS: Bool
    /// Name announced in EHLO; nil lets the library choose.
    public var heloName: String?
    public var timeoutSeconds = 30
    /// Outbox retry: the delay doubles from `retryBaseSeconds` up to `retryMaxSeconds`,
    /// and a message is given up after `maxAttempts` temporary failures.
    public var retryBaseSeconds = 60
    public var retryMaxSeconds = 3600
    public var maxAttempts = 10

    static let keys = [
        "url", "username", "password_file", "password_env", "password", "from", "from_name",
        "ca_file", "require_tls", "helo_name", "timeout_seconds", "retry_base_seconds",
        "retry_max_seconds", "max_attempts",
    ]

    /// Every default, sending from `from` through `url`.
    public init(from: String, url: ServerURL = ServerURL(scheme: "smtp", host: "127.0.0.1", port: 25)) {
        self.from = from
        self.url = url
        self.requireTLS = !url.isLoopback
    }

    init(section: ConfigSection) throws(ConfigError) {
        url = try section.serverURL("url", schemes: ServerURL.smtpSchemes) ?? url
        if !url.path.isEmpty {
            throw section.error("\"url\": an SMTP URL has no path: write smtp://host:port", key: "url")
        }
        username = try section.text("username")
        password = try section.secret("password")
        from = try section.required(section.address("from"), "from", example: "\"soporte@empresa.com\"")
        fromName = try section.text("from_name") ?? fromName
        caFile = try section.path("ca_file")
        requireTLS = try section.boolean("require_tls") ?? !url.isLoopback
        heloName = try section.text("helo_name")
        timeoutSeconds = try section.integer("timeout_seconds", in: 1...3600) ?? timeoutSeconds
        retryBaseSeconds = try section.integer("retry_base_seconds", in: 1...86_400) ?? retryBaseSeconds
        retryMaxSeconds = try section.integer("retry_max_seconds", in: 1...7 * 86_400) ?? retryMaxSeconds
        maxAttempts = try section.integer("max_attempts", in: 1...1000) ?? maxAttempts
        guard retryMaxSeconds >= retryBaseSeconds else {
            throw section.error("\"retry_max_seconds\" (\(retryMaxSeconds)) must not be less than retry_base_seconds (\(retryBaseSeconds))", key: "retry_max_seconds")
        }
    }
}
