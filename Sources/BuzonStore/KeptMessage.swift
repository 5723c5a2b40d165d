import Foundation

/// A message Buzón decided not to ticket, kept whole (raw bytes + decision) so an operator can
/// list it, approve it, discard it or have it decided again (issue #10: nothing swallowed).
///
/// Only mail recognised as automatic (bounces, auto-replies) is recorded without one of these.
public struct KeptMessage: Sendable, Hashable {
    /// Why it is kept, which decides where an operator finds it.
    public enum Disposition: String, Sendable, Hashable, CaseIterable {
        /// Waiting for a person (`buzon held`): unknown sender under `hold`, a sender that is not
        /// authentic, an organization at its ticket limit, staff mail naming no ticket, no From.
        case held
        /// Refused (`buzon messages rejected`): unknown sender under `reject`, our own mailbox's
        /// mail that threads to no ticket. Kept so a refusal can be undone after a config fix.
        case rejected
    }

    public var mailbox: String
    public var fromAddress: String
    public var subject: String
    public var disposition: Disposition
    /// Why it is kept, as a stable English code (`unknown_sender`, `not_authentic`, …): the
    /// stored truth, written in JSON and logs as it is; the CLI words it in the desk's language.
    public var reasonCode: String
    /// What the code does not say (`no Authentication-Results from mx.empresa.com`, `Andina:
    /// limit of 3 open tickets`), empty when the code says it all. Rows kept before codes were
    /// the truth hold the reason's English words here instead (stored in column `reason`).
    public var detail: String
    public var raw: [UInt8]
    public var receivedAt: Date

    public init(mailbox: String, fromAddress: String, subject: String, disposition: Disposition = .held,
                reasonCode: String, detail: String, raw: [UInt8], receivedAt: Date) {
        self.mailbox = mailbox
        self.fromAddress = fromAddress
        self.subject = subject
        self.disposition = disposition
        self.reasonCode = reasonCode
        self.detail = detail
        self.raw = raw
        self.receivedAt = receivedAt
    }
}
