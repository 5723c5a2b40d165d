import CCurl
import BuzonTransport

extension TransportError {
    /// What a curl failure means for the caller: retry later, fix credentials, or fix config.
    init(_ error: CurlError) {
        self.init(Self.kind(ofCurlCode: error.curlCode), operation: error.operation,
                  message: error.detail.isEmpty || error.detail == error.summary
                      ? error.summary : "\(error.summary): \(error.detail)",
                  code: error.code)
    }

    static func kind(ofCurlCode code: CURLcode) -> Kind {
        switch code {
        case CURLE_LOGIN_DENIED:
            return .authentication
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_NOT_BUILT_IN,
             CURLE_USE_SSL_FAILED, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
             CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_NOTFOUND,
             CURLE_BAD_FUNCTION_ARGUMENT, CURLE_UNKNOWN_OPTION, CURLE_SSL_ISSUER_ERROR,
             CURLE_FAILED_INIT:
            return .configuration
        case CURLE_WEIRD_SERVER_REPLY:
            return .protocolViolation
        default:
            // Connect, resolve, timeouts, send/recv, TLS handshake cut short, out of memory:
            // nothing to fix on our side, the same call may work later.
            return .network
        }
    }

    static func configuration(_ reason: TransportErrorReason, operation: String) -> TransportError {
        TransportError(.configuration, operation: operation, message: reason.message)
    }
}
