import CCurl

/// `curl_global_init` must run once per process before any other curl call, and is not
/// thread-safe itself. A `static let` initializer runs exactly once, guarded by the runtime
/// (swift_once), so every handle creation touches `CurlGlobal.ready` first.
enum CurlGlobal {
    /// The result of the one `curl_global_init`; `nil` when it succeeded.
    static let initFailure: CURLcode? = {
        let code = curl_global_init(buzon_curl_global_all())
        return code == CURLE_OK ? nil : code
    }()

    /// Throws when the process-wide initialisation failed (out of memory, broken TLS library).
    static func ensureReady(operation: String) throws(CurlError) {
        if let code = initFailure {
            throw CurlError(code: code, detail: "curl_global_init failed", operation: operation)
        }
    }
}
