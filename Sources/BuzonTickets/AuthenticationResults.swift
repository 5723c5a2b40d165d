import Foundation

/// One parsed `Authentication-Results` header field (RFC 8601).
///
/// Why it matters: an `@andina.cl` domain entry would let anyone forging the From line open
/// tickets as Andina. The receiving MX stamps what it verified (DKIM, SPF, DMARC) in this
/// header; `SenderAuthenticity` believes only the stamps of the configured server.
public struct AuthenticationResults: Sendable, Hashable {
    /// The server that wrote the header (`mx.empresa.com`), as written.
    public var authservID: String
    /// `authres-version` when present (`mx.empresa.com 1; …`).
    public var version: Int?
    /// The results, in order; empty for `; none`.
    public var results: [AuthenticationMethodResult]

    public init(authservID: String, version: Int? = nil, results: [AuthenticationMethodResult] = []) {
        self.authservID = authservID
        self.version = version
        self.results = results
    }

    /// The first result of a method (`dmarc`), if any.
    public func result(for method: String) -> AuthenticationMethodResult? {
        results.first { $0.method == method }
    }

    /// Every result of a method (a message may carry several DKIM signatures).
    public func results(for method: String) -> [AuthenticationMethodResult] {
        results.filter { $0.method == method }
    }

    // RFC 8601 §2.2:
    //   authres-payload = [CFWS] authserv-id [ CFWS authres-version ]
    //                     ( no-result / 1*resinfo ) [CFWS] CRLF
    //   no-result       = [CFWS] ";" [CFWS] "none"
    //   resinfo         = [CFWS] ";" methodspec [ CFWS reasonspec ] [ CFWS 1*propspec ]
    //   methodspec      = [CFWS] method [CFWS] "=" [CFWS] result
    //   reasonspec      = "reason" [CFWS] "=" [CFWS] value
    //   propspec        = ptype [CFWS] "." [CFWS] property [CFWS] "=" pvalue
    /// Parses one header value. Returns nil when there is no authserv-id; a malformed
    /// resinfo is skipped rather than failing the whole header (best effort, like the MIME
    /// parser), which can only make a verdict stricter, never looser.
    public static func parse(_ value: String) -> AuthenticationResults? {
        let segments = AuthenticationResultsLexer.segments(of: value)
        guard let head = segments.first, let id = head.first, !id.contains("=") else { return nil }
        var parsed = AuthenticationResults(authservID: id)
        if head.count > 1, let version = Int(head[1]) { parsed.version = version }
        for segment in segments.dropFirst() {
            if let result = methodResult(from: segment) { parsed.results.append(result) }
        }
        return parsed
    }

    /// `["dkim/1", "=", "pass", "header", ".", "d", "=", "andina.cl"]` style tokens → a result.
    private static func methodResult(from tokens: [String]) -> AuthenticationMethodResult? {
        let pairs = AuthenticationResultsLexer.pairs(tokens)
        guard let first = pairs.first else { return nil }
        let method = first.key.split(separator: "/").first.map { $0.lowercased() } ?? first.key.lowercased()
        var result = AuthenticationMethodResult(method: method, result: first.value.lowercased())
        for pair in pairs.dropFirst() {
            let key = pair.key.lowercased()
            if key == "reason" {
                result.reason = pair.value
            } else {
                result.properties[key] = pair.value
            }
        }
        return result
    }
}
