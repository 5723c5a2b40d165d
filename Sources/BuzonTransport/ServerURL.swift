/// A mail server address: `imaps://mail.empresa.com:993/INBOX`, `smtp://127.0.0.1:25`.
///
/// The one parser of server URLs: the configuration parses each `url` key into this value once,
/// and the IMAP and SMTP clients take it typed (no URL is printed and parsed again on the way).
/// Parsed by hand so the operator gets an error that says what to write, and strictly:
/// - credentials are refused (`user:pw@host`): they have their own keys and secret sources, and
///   a URL ends up in logs;
/// - the port, when given, is a number from 1 to 65535; when not, the scheme's default is filled
///   in (`imap` 143, `imaps` 993, `smtp` 25, `smtps` 465), the same ports curl would use;
/// - the host is not empty and has no white space; an IPv6 address is written in brackets;
/// - the path (the IMAP folder) loses its leading slashes and is percent-decoded, and a bad escape
///   (`%` not followed by two hex digits, or bytes that are not UTF-8) is an error, not kept raw.
public struct ServerURL: Sendable, Hashable, CustomStringConvertible {
    /// `imap`, `imaps`, `smtp` or `smtps`; the `s` forms use TLS from the first byte.
    public var scheme: String
    /// Host name or IP address; IPv6 without brackets.
    public var host: String
    public var port: Int
    /// Percent-decoded path without its leading `/` (the IMAP folder); empty for SMTP.
    public var path: String

    public static let defaultPorts = ["imap": 143, "imaps": 993, "smtp": 25, "smtps": 465]
    /// The schemes of a mailbox URL and of an outgoing mail server URL.
    public static let imapSchemes = ["imap", "imaps"]
    public static let smtpSchemes = ["smtp", "smtps"]

    public init(scheme: String, host: String, port: Int, path: String = "") {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
    }

    /// Parses `scheme://host[:port][/path]`, `scheme` one of `schemes`; the error says what to write.
    public init(parsing text: String, schemes: [String]) throws(ServerURLError) {
        let example = "\(schemes.last ?? "imaps")://mail.example.com/INBOX"
        guard let separator = text.firstRange(of: "://") else {
            throw ServerURLError("\"\(text)\" is not a URL: write it like \(example)")
        }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard schemes.contains(scheme) else {
            throw ServerURLError("unsupported scheme \"\(scheme)\": use one of \(schemes.joined(separator: ", "))")
        }
        let rest = text[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        guard !authority.contains("@") else {
            throw ServerURLError("do not put the user name or password in the URL: use the username and password_file keys")
        }
        let (host, port) = try Self.hostAndPort(authority, scheme: scheme)
        let rawPath = rest.dropFirst(authority.count).drop { $0 == "/" }
        guard let path = Self.percentDecoded(rawPath) else {
            throw ServerURLError("bad percent escape in the path \"\(rawPath)\": write % as %25, and other bytes as UTF-8 %XX pairs")
        }
        self.init(scheme: scheme, host: host, port: port, path: path)
    }

    /// TLS from the first byte (`imaps`, `smtps`), as opposed to STARTTLS or none.
    public var usesImplicitTLS: Bool { scheme.hasSuffix("s") }

    /// 127.0.0.0/8, ::1 and `localhost`: traffic that never leaves the machine, where plain
    /// text is acceptable by default (`require_tls` defaults to false only there).
    public var isLoopback: Bool {
        let host = host.lowercased()
        return host == "localhost" || host.hasPrefix("127.") || host == "::1"
    }

    /// `scheme://host:port/`: the server without the path (what curl connects to).
    public var server: String {
        "\(scheme)://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
    }

    /// The URL as the operator would write it, path percent-encoded again (logs, `check-config`).
    public var description: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(hostPart):\(port)" + (path.isEmpty ? "" : "/\(Self.percentEncoded(path))")
    }

    private static func hostAndPort(_ authority: Substring, scheme: String) throws(ServerURLError) -> (String, Int) {
        var host = authority
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw ServerURLError("unclosed [ in the IPv6 address \(authority): write it like [::1]")
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let afterClose = authority[authority.index(after: close)...]
            if afterClose.hasPrefix(":") { portText = afterClose.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace }) else {
            throw ServerURLError("missing or invalid host in \(scheme)://\(authority): write it like \(scheme)://mail.example.com")
        }
        var port = defaultPorts[scheme] ?? 0
        if let portText {
            guard let parsed = Int(portText), (1...65535).contains(parsed) else {
                throw ServerURLError("invalid port \"\(portText)\": use a number from 1 to 65535")
            }
            port = parsed
        }
        return (String(host), port)
    }

    /// `%XX`-escapes every byte outside RFC 3986's path characters (unreserved, sub-delims,
    /// `:`, `@` and `/`): the set Foundation calls `urlPathAllowed`.
    static func percentEncoded(_ path: String) -> String {
        let allowed = Set("!$&'()*+,-./:;=@_~".utf8)
        var output = ""
        for byte in path.utf8 {
            let isAlphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if isAlphanumeric || allowed.contains(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                output += String(decoding: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
            }
        }
        return output
    }

    /// `%XX` decoding that fails on a malformed escape or bytes that are not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

/// Why a server URL was refused, worded for the operator (what is wrong and what to write).
public struct ServerURLError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
