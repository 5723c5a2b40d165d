import Foundation
import BuzonMIME
import BuzonTickets
import BuzonStore

extension MessageProcessor {
    public enum HeldError: Error, CustomStringConvertible {
        case noSuchHeldMessage(Int64)
        case unknownMailbox(String)
        case noSender(Int64)

        public var description: String {
            switch self {
            case .noSuchHeldMessage(let id): "no held message \(id) (see: buzon held list)"
            case .unknownMailbox(let name): "the held message came through mailbox \"\(name)\", which is no longer configured"
            case .noSender(let id): "held message \(id) has no usable From address: discard it"
            }
        }
    }

    /// An operator approves a held message: it becomes a ticket (with its acknowledgement)
    /// whatever rule held it — the unknown-sender policy or the open-ticket limit — and
    /// leaves the held list, in one transaction.
    public func approveHeld(id: Int64) throws -> String {
        let now = clock()
        return try store.transaction { () throws -> String in
            guard let held = try store.heldMessage(id: id) else { throw HeldError.noSuchHeldMessage(id) }
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
                                    rule: .heldApproved, trail: ["held message \(id) approved by an operator"])
            var recorder = DecisionRecorder(processor: self, mail: mail, raw: held.message.raw, mailbox: mailbox, now: now,
                                            originalSize: nil)
            let number = try recorder.record(decision) ?? ""
            try store.addEvent(ticket: number, type: "held_approved", at: now, detail: "held as: \(held.message.reason)")
            try store.removeHeld(id: id)
            logger.info("held.approved", [("held_id", String(id)), ("ticket", number)])
            return number
        }
    }

    /// An operator discards a held message: it leaves the held list; the ledger keeps the
    /// dedupe key, so a re-poll of the same message does not bring it back.
    public func discardHeld(id: Int64) throws {
        try store.transaction {
            guard try store.heldMessage(id: id) != nil else { throw HeldError.noSuchHeldMessage(id) }
            try store.removeHeld(id: id)
        }
        logger.info("held.discarded", [("held_id", String(id))])
    }
}
