/// The parts of an `imap[s]://` or `smtp[s]://` URL that the clients need. Credentials in the
/// URL are refused: they would end up in logs with the URL.
struct MailURL: Sendable, Hashable {
    var scheme: String
    var host: String
    var port: Int?
    /// Percent-decoded path without the leading `/` (the IMAP folder, the SMTP HELO name).
    var path: String

    var isImplicitTLS: Bool { scheme.hasSuffix("s") }

    /// `scheme://host:port/` for curl, without the path.
    var serverURL: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(shownHost)\(port.map { ":\($0)" } ?? "")/"
    }

    init(_ text: String, schemes: [String]) throws(TransportErrorReason) {
        guard let separator = text.firstRange(of: "://") else {
            throw TransportErrorReason("URL \(text) has no scheme (expected \(schemes.joined(separator: " or "))://)")
        }
        scheme = text[..<separator.lowerBound].lowercased()
        guard schemes.contains(scheme) else {
            throw TransportErrorReason("URL scheme \(scheme) is not one of \(schemes.joined(separator: ", "))")
        }
        let rest = text[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        guard !authority.contains("@") else {
            throw TransportErrorReason("the URL must not contain credentials; use the username and password settings")
        }
        (host, port) = try Self.hostAndPort(String(authority))
        let rawPath = rest.dropFirst(authority.count).drop { $0 == "/" }
        guard let decoded = String(rawPath).removingPercentEncodingStrict() else {
            throw TransportErrorReason("URL path \(rawPath) has a bad percent escape")
        }
        path = decoded
    }

    private static func hostAndPort(_ authority: String) throws(TransportErrorReason) -> (String, Int?) {
        var host = authority
        var port: Int?
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = String(authority[authority.index(after: authority.startIndex) ..< close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { port = Int(after.dropFirst()) ?? -1 }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            port = Int(authority[authority.index(after: colon)...]) ?? -1
        }
        guard !host.isEmpty else { throw TransportErrorReason("the URL has no host") }
        if let port, !(1 ... 65535).contains(port) { throw TransportErrorReason("the URL has a bad port") }
        return (host, port)
    }

    static func isLoopback(url: String) -> Bool {
        guard let parsed = try? MailURL(url, schemes: ["imap", "imaps", "smtp", "smtps"]) else { return false }
        let host = parsed.host.lowercased()
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
