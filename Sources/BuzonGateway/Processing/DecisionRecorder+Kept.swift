import Foundation
import BuzonStore

extension DecisionRecorder {
    /// Keeps the message whole (raw bytes + decision) when the decision does not ticket it, so
    /// an operator can list it, approve it or have it decided again: nothing Buzón refuses is
    /// discarded unseen. Only automatic mail (bounces, auto-replies) is recorded without this.
    ///
    /// The reason is stored as its code (`unknown_sender`, …) and its particulars: the words for
    /// people come from the code, in the desk's language (`buzon held list`).
    mutating func keep(_ disposition: KeptMessage.Disposition, code: String, detail: String) throws {
        keptID = try store.keep(KeptMessage(
            mailbox: mailbox.name, fromAddress: message.from?.address ?? "", subject: message.subject,
            disposition: disposition, reasonCode: code, detail: detail, raw: raw, receivedAt: now))
    }
}
