import CCurl

/// Owns a `curl_slist`. libcurl does not copy lists given to options such as
/// `CURLOPT_MAIL_RCPT`: whoever sets one must keep this object alive until the transfer ends
/// (`CurlEasy` retains the lists it was given until the option is replaced or the handle dies).
public final class CurlStringList {
    private(set) var head: UnsafeMutablePointer<curl_slist>?

    /// Builds the list; throws when an entry contains CR, LF or NUL (they would end the
    /// protocol line and let a value inject commands) or when memory runs out.
    public init(_ values: [String], operation: String) throws(CurlError) {
        for value in values {
            try Self.validate(value, operation: operation)
            guard let next = curl_slist_append(head, value) else {
                throw CurlError(code: CURLE_OUT_OF_MEMORY, detail: "curl_slist_append", operation: operation)
            }
            head = next
        }
    }

    /// A value that goes onto a protocol line must not contain CR, LF or NUL.
    public static func validate(_ value: String, operation: String) throws(CurlError) {
        if value.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) {
            throw CurlError(code: CURLE_BAD_FUNCTION_ARGUMENT,
                            detail: "\"\(value.prefix(80))\" contains CR, LF or NUL", operation: operation)
        }
    }

    deinit { curl_slist_free_all(head) }
}
