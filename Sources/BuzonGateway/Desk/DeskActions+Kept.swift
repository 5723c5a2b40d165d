import Foundation
import BuzonConfig
import BuzonMIME
import BuzonTickets
import BuzonStore

/// What an operator does with a kept message (held or rejected): approve it into a ticket,
/// discard it, or have it decided again with the current configuration. The rules are the
/// engine's (`DecisionEngine.approveHeld`, `redecide`) and the writes the `DecisionRecorder`'s,
/// as for mail arriving; each action runs in one transaction with the ledger update, so a
/// message is never both kept and ticketed.
extension DeskActions {
    /// What `reprocessKept` did.
    public struct Reprocessed: Sendable {
        public var decision: Decision
        /// The ticket the message went to, nil when it is kept again.
        public var ticketNumber: String?
        /// The message's new kept id when the new decision keeps it again (held or rejected).
        public var keptID: Int64?
    }

    /// An operator approves a kept message: it becomes a ticket (with its acknowledgement)
    /// whatever rule kept it, and leaves the kept messages, in one transaction.
    public func approveHeld(id: Int64) throws -> String {
        let now = clock()
        let number = try store.transaction { () throws -> String in
            let (kept, mailbox, mail) = try understandKept(id: id, now: now)
            guard let decision = try runtime.engine.approveHeld(mail, keptID: id, lookup: store) else {
                throw ActionError.noSender(id)
            }
            var recorder = recorder(for: mail, raw: kept.raw, mailbox: mailbox, now: now)
            let number = try recorder.record(decision) ?? ""
            try store.addEvent(ticket: number, type: .heldApproved, at: now,
                               detail: "held as: \(kept.reasonCode)" + (kept.detail.isEmpty ? "" : " (\(kept.detail))"))
            try store.removeKept(id: id)
            return number
        }
        logger.info("held.approved", [("held_id", String(id)), ("ticket", number)])
        return number
    }

    /// An operator discards a kept message: it leaves the list; the ledger keeps the dedupe
    /// key, so a re-poll of the same message does not bring it back.
    public func discardHeld(id: Int64) throws {
        try store.transaction {
            guard try store.keptMessage(id: id) != nil else { throw ActionError.noSuchKeptMessage(id) }
            try store.removeKept(id: id)
        }
        logger.info("held.discarded", [("held_id", String(id))])
    }

    /// Decides a kept message again with the current configuration, as if it arrived now: after
    /// the operator authorized its sender it becomes a ticket (acknowledged like any new one);
    /// when it is held or rejected again it is kept again under a new id. Its dedupe-ledger
    /// entry is updated to the new outcome, never recorded as a duplicate.
    public func reprocessKept(id: Int64) throws -> Reprocessed {
        let now = clock()
        let reprocessed = try store.transaction { () throws -> Reprocessed in
            let (kept, mailbox, mail) = try understandKept(id: id, now: now)
            try store.removeKept(id: id)
            let decision = try runtime.engine.redecide(mail, lookup: store)
            var recorder = recorder(for: mail, raw: kept.raw, mailbox: mailbox, now: now)
            recorder.replacesLedgerEntry = try store.knownMessage(dedupeKey: mail.dedupeKey) != nil
            let ticket = try recorder.record(decision)
            return Reprocessed(decision: decision, ticketNumber: ticket, keptID: recorder.keptID)
        }
        logger.info("kept.reprocessed", [("kept_id", String(id)), ("decision", reprocessed.decision.rule.rawValue),
                                         ("ticket", reprocessed.ticketNumber), ("detail", reprocessed.decision.summary)])
        return reprocessed
    }

    /// The kept message `id`, the configured mailbox it came through, and the message
    /// understood again (parsed, trimmed, keyed) as if it arrived `now`.
    private func understandKept(id: Int64, now: Date) throws -> (KeptMessage, MailboxConfig, IncomingMail) {
        guard let kept = try store.keptMessage(id: id)?.message else { throw ActionError.noSuchKeptMessage(id) }
        guard let mailbox = runtime.config.mailbox(named: kept.mailbox) else { throw ActionError.unknownMailbox(kept.mailbox) }
        let processor = MessageProcessor(runtime: runtime, store: store, clock: clock, logger: logger)
        return (kept, mailbox, processor.understand(kept.raw, mailbox: mailbox, receivedAt: now))
    }

    private func recorder(for mail: IncomingMail, raw: [UInt8], mailbox: MailboxConfig, now: Date) -> DecisionRecorder {
        DecisionRecorder(store: store, runtime: runtime, logger: logger, mail: mail, raw: raw, mailbox: mailbox, now: now,
                         originalSize: nil)
    }
}
