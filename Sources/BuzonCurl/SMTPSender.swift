import CCurl
import BuzonTransport

/// `MailSender` over libcurl: one easy handle reused for every message, so curl keeps the
/// SMTP connection open between sends and reconnects by itself when the server dropped it.
/// Not thread-safe: one outbox thread owns one sender.
///
/// Several recipients: libcurl 7.88 stops at the first refused `RCPT TO` and fails the whole
/// transfer (no DATA is sent). We deliberately do not set `CURLOPT_MAIL_RCPT_ALLLOWFAILS`
/// (7.88's spelling), which would deliver to the accepted ones only and report success:
/// the `MailSender` contract is "accepted for every recipient" or an error.
public final class SMTPSender: MailSender {
    public let configuration: SMTPConfiguration
    private let server: ServerURL
    private let curl: CurlEasy
    private let limits: CurlEasy.Limits

    public init(_ configuration: SMTPConfiguration) throws(TransportError) {
        self.configuration = configuration
        let operation = "SMTP configuration"
        server = configuration.url
        guard ServerURL.smtpSchemes.contains(server.scheme) else {
            throw TransportError(.configuration, operation: operation,
                                 message: "URL scheme \(server.scheme) is not one of \(ServerURL.smtpSchemes.joined(separator: ", "))")
        }
        limits = CurlEasy.Limits(connectTimeout: configuration.connectTimeout, lowSpeedLimit: 1,
                                 lowSpeedTime: configuration.ioTimeout)
        do { curl = try CurlEasy(limits: limits, operation: operation) } catch { throw TransportError(error) }
    }

    /// The URL curl uses: server plus EHLO name as the path.
    var transferURL: String {
        let helo = configuration.heloName ?? server.path
        return server.server + helo.addingURLPathEscapes()
    }

    public func send(_ envelope: Envelope, message: [UInt8]) throws(TransportError) {
        let operation = "SMTP send to \(envelope.recipients.joined(separator: ", "))"
        guard !envelope.recipients.isEmpty else {
            throw TransportError(.configuration, operation: operation, message: "the envelope has no recipients")
        }
        let upload = SMTPUpload(message)
        do {
            try configure(envelope, upload: upload, operation)
            try withExtendedLifetime(upload) { () throws(CurlError) in try curl.perform(operation) }
        } catch {
            throw classify(error, operation)
        }
    }

    private func configure(_ envelope: Envelope, upload: SMTPUpload, _ operation: String) throws(CurlError) {
        // Options persist on a reused handle; start from a clean slate for every message.
        try curl.reset(limits: limits, operation: operation)
        try curl.set(CURLOPT_URL, string: transferURL, operation)
        if let username = configuration.username {
            try curl.set(CURLOPT_USERNAME, string: username, operation)
            try curl.set(CURLOPT_PASSWORD, string: configuration.password ?? "", operation)
        }
        try CurlTLS.apply(to: curl, caFile: configuration.caFile, requireTLS: configuration.requireTLS,
                          implicitTLS: server.usesImplicitTLS, insecure: configuration.insecureSkipVerify, operation)
        // RFC 5321 §4.5.5: the null reverse-path `MAIL FROM:<>`; curl sends `<>` for "".
        try CurlStringList.validate(envelope.from, operation: operation)
        try curl.set(CURLOPT_MAIL_FROM, string: envelope.from, operation)
        try curl.set(CURLOPT_MAIL_RCPT, list: try CurlStringList(envelope.recipients, operation: operation), operation)
        try curl.set(CURLOPT_UPLOAD, 1, operation)
        try curl.set(CURLOPT_INFILESIZE_LARGE, offset: Int64(upload.bytes.count), operation)
        try curl.set(CURLOPT_READFUNCTION, read: SMTPUpload.callback, operation)
        try curl.set(CURLOPT_READDATA, pointer: Unmanaged.passUnretained(upload).toOpaque(), operation)
    }

    /// Reply code first (it says what the server meant), then curl's own code.
    private func classify(_ error: CurlError, _ operation: String) -> TransportError {
        if error.curlCode == CURLE_LOGIN_DENIED { return TransportError(error) }
        let reply = (try? curl.infoLong(CURLINFO_RESPONSE_CODE, operation)) ?? 0
        let message = error.detail.isEmpty ? error.summary : error.detail
        switch reply {
        // RFC 5321 §4.2.1: "4yz Transient Negative Completion reply", "5yz Permanent …".
        case 400 ..< 500: return TransportError(.temporaryRejection, operation: operation, message: message, code: reply)
        case 500 ..< 600: return TransportError(.permanentRejection, operation: operation, message: message, code: reply)
        default: return TransportError(error)
        }
    }
}
