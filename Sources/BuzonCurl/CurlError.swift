import CCurl

/// A libcurl call that did not return `CURLE_OK`: the code, curl's own words for it, the detail
/// curl wrote into the handle's error buffer, and what we were doing.
///
/// Contract: never contains a password (curl does not echo credentials into its error buffer,
/// and `operation` is written by us without them).
public struct CurlError: Error, Sendable, CustomStringConvertible {
    public var code: Int
    /// `curl_easy_strerror(code)`, e.g. "Login denied".
    public var summary: String
    /// The handle's error buffer after the failure (may be empty).
    public var detail: String
    /// What was being done, e.g. "IMAP connect to imap://127.0.0.1:1143/".
    public var operation: String

    public init(code: CURLcode, detail: String, operation: String) {
        self.code = Int(code.rawValue)
        self.summary = String(cString: curl_easy_strerror(code))
        self.detail = detail
        self.operation = operation
    }

    public var curlCode: CURLcode { CURLcode(rawValue: UInt32(code)) }

    public var description: String {
        let text = detail.isEmpty || detail == summary ? summary : "\(summary): \(detail)"
        return "\(operation): \(text) (curl error \(code))"
    }
}
