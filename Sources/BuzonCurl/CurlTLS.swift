import CCurl

/// TLS settings shared by the IMAP and SMTP clients.
enum CurlTLS {
    static func apply(to curl: CurlEasy, caFile: String?, requireTLS: Bool, implicitTLS: Bool,
                      insecure: Bool, _ operation: String) throws(CurlError) {
        if let caFile { try curl.set(CURLOPT_CAINFO, string: caFile, operation) }
        if !implicitTLS {
            // RFC 3207 / RFC 3501 §6.2.1: STARTTLS upgrades a plain connection. CURLUSESSL_ALL
            // makes curl stop before sending credentials when the upgrade is not possible.
            let level = requireTLS ? CURLUSESSL_ALL : CURLUSESSL_NONE
            try curl.set(CURLOPT_USE_SSL, Int(level.rawValue), operation)
        }
        if insecure {
            try curl.set(CURLOPT_SSL_VERIFYPEER, 0, operation)
            try curl.set(CURLOPT_SSL_VERIFYHOST, 0, operation)
        }
    }
}
