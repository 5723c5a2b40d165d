import Foundation
import BuzonTransport

/// In-memory `MailSender` for the gateway's unit tests: keeps what was sent, counts attempts,
/// and throws injected errors (`failNext` queue first, then `failAlways`). Recipients can be
/// refused by a rule, like the SMTP sink's `tempfail…`/`reject…` addresses. Thread-safe.
public final class MemorySender: MailSender, @unchecked Sendable {
    public struct Sent: Sendable, Hashable {
        public var envelope: Envelope
        public var message: [UInt8]
        public init(envelope: Envelope, message: [UInt8]) {
            self.envelope = envelope
            self.message = message
        }
    }

    private let lock = NSLock()
    private var delivered: [Sent] = []
    private var attemptCount = 0
    private var faults = TransportFaults<Int>()
    private var refusal: (@Sendable (String) -> TransportError?)?

    public init() {}

    public func send(_ envelope: Envelope, message: [UInt8]) throws(TransportError) {
        let error = lock.withLock { () -> TransportError? in
            attemptCount += 1
            if let fault = faults.take(0) { return fault }
            // Like libcurl 7.88: one refused recipient fails the whole message.
            if let refusal, let refused = envelope.recipients.lazy.compactMap(refusal).first { return refused }
            delivered.append(Sent(envelope: envelope, message: message))
            return nil
        }
        if let error { throw error }
    }

    public func failNext(with error: TransportError, times: Int = 1) {
        lock.withLock { faults.failNext(0, with: error, times: times) }
    }

    public func failAlways(with error: TransportError?) {
        lock.withLock { faults.failAlways(0, with: error) }
    }

    /// Refuses recipients for which `rule` returns an error (e.g. a 550 for one address).
    public func refuseRecipients(_ rule: (@Sendable (String) -> TransportError?)?) {
        lock.withLock { refusal = rule }
    }

    public func clearFaults() {
        lock.withLock {
            faults.clear()
            refusal = nil
        }
    }

    public var sent: [Sent] { lock.withLock { delivered } }
    /// Every `send` call, failed ones included.
    public var attempts: Int { lock.withLock { attemptCount } }
}
