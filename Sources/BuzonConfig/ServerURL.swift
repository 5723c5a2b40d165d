import Foundation

/// A mail server address from the configuration: `imaps://mail.empresa.com:993/INBOX`,
/// `smtp://127.0.0.1:25`. Parsed by hand so the operator gets a precise error, and so that
/// credentials never sit in a URL (they have their own keys and secret sources).
public struct ServerURL: Sendable, Hashable, CustomStringConvertible {
    /// `imap`, `imaps`, `smtp` or `smtps`; the `s` forms use TLS from the first byte.
    public var scheme: String
    /// Host name or IP address; IPv6 without brackets.
    public var host: String
    public var port: Int
    /// Percent-decoded path without its leading `/` (the IMAP folder); empty for SMTP.
    public var path: String

    public static let defaultPorts = ["imap": 143, "imaps": 993, "smtp": 25, "smtps": 465]

    public init(scheme: String, host: String, port: Int, path: String = "") {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
    }

    /// TLS from the first byte (`imaps`, `smtps`), as opposed to STARTTLS or none.
    public var usesImplicitTLS: Bool { scheme.hasSuffix("s") }

    /// 127.0.0.0/8, ::1 and `localhost`: traffic that never leaves the machine, where plain
    /// text is acceptable by default.
    public var isLoopback: Bool {
        let host = host.lowercased()
        return host == "localhost" || host.hasPrefix("127.") || host == "::1"
    }

    /// The URL to hand to the mail library, path percent-encoded again.
    public var description: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let encodedPath = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        return "\(scheme)://\(hostPart):\(port)" + (path.isEmpty ? "" : "/\(encodedPath)")
    }

    /// Parses `scheme://host[:port][/path]`; returns a message saying what to write on failure.
    public static func parse(_ text: String, schemes: [String]) -> Result<ServerURL, ServerURLError> {
        let example = "\(schemes.last ?? "imaps")://mail.example.com/INBOX"
        guard let separator = text.range(of: "://") else {
            return .failure(ServerURLError("\"\(text)\" is not a URL: write it like \(example)"))
        }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard schemes.contains(scheme) else {
            return .failure(ServerURLError("unsupported scheme \"\(scheme)\": use one of \(schemes.joined(separator: ", "))"))
        }
        var rest = Substring(text[separator.upperBound...])
        var path = ""
        if let slash = rest.firstIndex(of: "/") {
            path = String(rest[rest.index(after: slash)...])
            rest = rest[..<slash]
        }
        guard !rest.contains("@") else {
            return .failure(ServerURLError("do not put the user name or password in the URL: use the username and password_file keys"))
        }
        return parseAuthority(rest, scheme: scheme).map { hostPort in
            ServerURL(scheme: scheme, host: hostPort.host, port: hostPort.port, path: path.removingPercentEncoding ?? path)
        }
    }

    private static func parseAuthority(_ authority: Substring, scheme: String) -> Result<(host: String, port: Int), ServerURLError> {
        var host = authority
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                return .failure(ServerURLError("unclosed [ in the IPv6 address \(authority)"))
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let afterClose = authority[authority.index(after: close)...]
            if afterClose.hasPrefix(":") { portText = afterClose.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace }) else {
            return .failure(ServerURLError("missing or invalid host in \(scheme)://\(authority)"))
        }
        var port = defaultPorts[scheme] ?? 0
        if let portText {
            guard let parsed = Int(portText), (1...65535).contains(parsed) else {
                return .failure(ServerURLError("invalid port \"\(portText)\": use a number from 1 to 65535"))
            }
            port = parsed
        }
        return .success((String(host), port))
    }
}
