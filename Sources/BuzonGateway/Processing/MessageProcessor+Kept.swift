import Foundation
import BuzonMIME
import BuzonTickets
import BuzonStore

/// What an operator does with a kept message (held or rejected): approve it into a ticket,
/// discard it, or have it decided again with the current configuration. Each runs in one
/// transaction with the ledger update, so a message is never both kept and ticketed.
extension MessageProcessor {
    public enum HeldError: Error, CustomStringConvertible {
        case noSuchHeldMessage(Int64)
        case unknownMailbox(String)
        case noSender(Int64)

        public var description: String {
            switch self {
            case .noSuchHeldMessage(let id): "no kept message \(id) (see: buzon held list, buzon messages rejected)"
            case .unknownMailbox(let name):
                "the kept message came through mailbox \"\(name)\", which is no longer configured: add the mailbox back or discard it"
            case .noSender(let id): "kept message \(id) has no usable From address: discard it"
            }
        }
    }

    /// What `reprocessKept` did.
    public struct Reprocessed: Sendable {
        public var decision: Decision
        /// The ticket the message went to, nil when it is kept again.
        public var ticketNumber: String?
        /// The message's new kept id when the new decision keeps it again (held or rejected).
        public var keptID: Int64?
    }

    /// An operator approves a kept message: it becomes a ticket (with its acknowledgement)
    /// whatever rule kept it — the unknown-sender policy, authenticity, the open-ticket limit —
    /// and leaves the kept messages, in one transaction.
    public func approveHeld(id: Int64) throws -> String {
        let now = clock()
        return try store.transaction { () throws -> String in
            guard let held = try store.keptMessage(id: id) else { throw HeldError.noSuchHeldMessage(id) }
            guard let mailbox = runtime.config.mailbox(named: held.message.mailbox) else {
                throw HeldError.unknownMailbox(held.message.mailbox)
            }
            let mail = understand(held.message.raw, mailbox: mailbox, receivedAt: now)
            guard let sender = mail.message.from else { throw HeldError.noSender(id) }
            let policy = runtime.policy
            let organization = runtime.authorization.organization(of: sender.normalized)?.organization
            let reference = TicketReference(prefix: policy.ticketPrefix)
            var subject = SubjectLine.clean(mail.message.subject, reference: reference)
            if subject.isEmpty { subject = "(sin asunto)" }
            let plan = NewTicketPlan(
                contact: sender, organization: organization?.name,
                category: Categorizer(policy: policy).category(subject: subject, text: mail.reply),
                department: mailbox.department, subject: subject, language: organization?.language)
            let decision = Decision(outcome: .newTicket(plan), notices: [PlannedNotice(kind: .acknowledgement, to: sender)],
                                    rule: .heldApproved, trail: ["kept message \(id) approved by an operator"])
            var recorder = DecisionRecorder(store: store, runtime: runtime, logger: logger, mail: mail, raw: held.message.raw, mailbox: mailbox, now: now,
                                            originalSize: nil)
            let number = try recorder.record(decision) ?? ""
            try store.addEvent(ticket: number, type: .heldApproved, at: now, detail: "held as: \(held.message.reasonCode)"
                                   + (held.message.detail.isEmpty ? "" : " (\(held.message.detail))"))
            try store.removeKept(id: id)
            logger.info("held.approved", [("held_id", String(id)), ("ticket", number)])
            return number
        }
    }

    /// An operator discards a kept message: it leaves the list; the ledger keeps the dedupe
    /// key, so a re-poll of the same message does not bring it back.
    public func discardHeld(id: Int64) throws {
        try store.transaction {
            guard try store.keptMessage(id: id) != nil else { throw HeldError.noSuchHeldMessage(id) }
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
            guard let kept = try store.keptMessage(id: id) else { throw HeldError.noSuchHeldMessage(id) }
            guard let mailbox = runtime.config.mailbox(named: kept.message.mailbox) else {
                throw HeldError.unknownMailbox(kept.message.mailbox)
            }
            try store.removeKept(id: id)
            let mail = understand(kept.message.raw, mailbox: mailbox, receivedAt: now)
            let decision = try runtime.engine.redecide(mail, lookup: store)
            var recorder = DecisionRecorder(store: store, runtime: runtime, logger: logger, mail: mail, raw: kept.message.raw, mailbox: mailbox, now: now,
                                            originalSize: nil)
            recorder.replacesLedgerEntry = try store.knownMessage(dedupeKey: mail.dedupeKey) != nil
            let ticket = try recorder.record(decision)
            return Reprocessed(decision: decision, ticketNumber: ticket, keptID: recorder.keptID)
        }
        logger.info("kept.reprocessed", [("kept_id", String(id)), ("decision", reprocessed.decision.rule.rawValue),
                                         ("ticket", reprocessed.ticketNumber), ("detail", reprocessed.decision.summary)])
        return reprocessed
    }
}
