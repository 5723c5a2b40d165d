import Foundation
import BuzonStore

extension DecisionRecorder {
    /// Keeps the message whole (raw bytes + decision) when the decision does not ticket it, so
    /// an operator can list it, approve it or have it decided again: nothing Buzón refuses is
    /// discarded unseen. Only automatic mail (bounces, auto-replies) is recorded without this.
    mutating func keep(_ disposition: KeptMessage.Disposition, code: String, reason: String) throws {
        keptID = try store.keep(KeptMessage(
            mailbox: mailbox.name, fromAddress: message.from?.address ?? "", subject: message.subject,
            disposition: disposition, reasonCode: code, reason: reason, raw: raw, receivedAt: now))
    }
}
