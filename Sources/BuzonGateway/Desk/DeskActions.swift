import Foundation
import BuzonMIME
import BuzonTickets
import BuzonStore

/// What staff and operators do to tickets outside the mail flow: close, reopen, answer from
/// the command line, internal notes, time spent, split, held-message review, and the
/// auto-close rule. Each action is one store transaction that also queues the notice it
/// owes the customer, exactly like the mail flow.
public struct DeskActions {
    public let runtime: GatewayRuntime
    let store: TicketStore
    let clock: @Sendable () -> Date
    let logger: Logger

    public init(runtime: GatewayRuntime, store: TicketStore, clock: @escaping @Sendable () -> Date = Date.init, logger: Logger) {
        self.runtime = runtime
        self.store = store
        self.clock = clock
        self.logger = logger
    }

    public enum ActionError: Error, CustomStringConvertible {
        case noSuchTicket(String)
        case alreadyInState(String, TicketState)
        case noSuchMessage(String, Int64)
        case noSuchKeptMessage(Int64)
        /// The kept message came through a mailbox no longer configured.
        case unknownMailbox(String)
        /// The kept message has no From address: no one to open a ticket for.
        case noSender(Int64)
        case notStaff(String)

        public var description: String {
            switch self {
            case .noSuchTicket(let number): "no ticket \(number) (see: buzon tickets list)"
            case .alreadyInState(let number, let state): "\(number) is already \(state.rawValue)"
            case .noSuchMessage(let number, let id): "\(number) has no message \(id) (see: buzon tickets show \(number))"
            case .noSuchKeptMessage(let id): "no kept message \(id) (see: buzon held list, buzon messages rejected)"
            case .unknownMailbox(let name):
                "the kept message came through mailbox \"\(name)\", which is no longer configured: add the mailbox back or discard it"
            case .noSender(let id): "kept message \(id) has no usable From address: discard it"
            case .notStaff(let address): "\(address) is not a staff address: add it to [gateway] staff"
            }
        }
    }

    /// Closes a ticket and sends the closing notice that invites a 1–5 rating (desks ask for one when a query is finished).
    public func close(_ number: String, actor: String? = nil) throws {
        let number = number.uppercased()
        let now = clock()
        try store.transaction {
            let summary = try requireTicket(number)
            guard summary.state != .closed else { throw ActionError.alreadyInState(number, .closed) }
            try store.setState(number: number, state: .closed, at: now)
            try store.addEvent(ticket: number, type: .closed, at: now, detail: actor.map { "by \($0)" } ?? "", actor: actor)
            try queue(.closed, for: summary, now: now)
        }
    }

    /// Reopens a closed ticket (staff decision; no notice).
    public func reopen(_ number: String, actor: String? = nil) throws {
        let number = number.uppercased()
        let now = clock()
        try store.transaction {
            let summary = try requireTicket(number)
            guard summary.state == .closed else { throw ActionError.alreadyInState(number, summary.state) }
            try store.setState(number: number, state: .waitingOnSupport, at: now)
            try store.addEvent(ticket: number, type: .reopened, at: now, detail: actor.map { "by \($0)" } ?? "", actor: actor)
        }
    }

    /// An internal note: on the timeline, never sent.
    public func note(_ number: String, text: String, actor: String? = nil) throws {
        let number = number.uppercased()
        let now = clock()
        try store.transaction {
            _ = try requireTicket(number)
            try store.addEvent(ticket: number, type: .note, at: now, detail: text, actor: actor)
            try store.touch(number: number, at: now)
        }
    }

    /// Time spent on a ticket by one person (desks report it per person and month).
    public func logTime(_ number: String, who: String, minutes: Int, text: String) throws {
        let number = number.uppercased()
        let now = clock()
        try store.transaction {
            _ = try requireTicket(number)
            _ = try store.logTime(number: number, who: who, minutes: minutes, text: text, at: now)
            try store.addEvent(ticket: number, type: .timeLogged, at: now, detail: "\(who): \(minutes) min — \(text)", actor: who)
        }
    }

    /// A staff answer written on the command line: sent to the customer with the
    /// `staff_reply` template, threaded to the customer's last message, ticket → answered.
    public func reply(_ number: String, from staff: String, text: String,
                      attachments: [OutgoingMessage.Attachment] = []) throws {
        let number = number.uppercased()
        let address = Address.normalize(staff)
        guard runtime.config.staff.contains(address) else { throw ActionError.notStaff(staff) }
        let now = clock()
        try store.transaction {
            let summary = try requireTicket(number)
            var values = try templateValues(summary)
            values.messageText = text
            values.staffName = address
            let writer = notices(at: now)
            try queue(.staffReply, for: summary, values: values, now: now, automatic: false, author: .staff,
                      cc: try colleagues(of: summary, writer: writer), attachments: attachments)
            try writer.recordStaffAnswer(ticket: number, by: address)
        }
    }

    /// The second topic of one mail becomes its own ticket (one ticket per topic): a new ticket for the
    /// same contact with a copy of message `messageID`, both timelines say so, and the
    /// customer is told with the `split` template.
    @discardableResult
    public func split(_ number: String, message messageRowID: Int64, subject: String? = nil, actor: String? = nil) throws -> String {
        let number = number.uppercased()
        let now = clock()
        return try store.transaction {
            let summary = try requireTicket(number)
            guard let original = try store.messages(ofTicket: number).first(where: { $0.id == messageRowID }) else {
                throw ActionError.noSuchMessage(number, messageRowID)
            }
            let config = runtime.config
            let newNumber = try store.allocateTicketNumber(prefix: config.ticketPrefix, first: config.firstTicketNumber)
            let created = try store.createTicket(NewTicket(
                number: newNumber, subject: subject ?? original.subject, organization: summary.organization,
                contactAddress: summary.contactAddress, contactName: summary.contactName, department: summary.department,
                category: summary.category, priority: summary.priority, state: .waitingOnSupport, createdAt: now,
                relatedTicket: number, language: summary.language))
            let copy = MessageRecord(
                ticketNumber: newNumber, direction: original.direction, author: original.author,
                fromAddress: original.fromAddress, fromName: original.fromName, to: original.to, cc: original.cc,
                messageID: nil, inReplyTo: original.inReplyTo, references: original.references, subject: original.subject,
                reply: original.reply, body: original.body,
                raw: try original.rawSHA256.flatMap { try store.rawMessage(sha256: $0) },
                mailbox: original.mailbox, receivedAt: original.receivedAt)
            let copyRow = try store.addMessage(copy)
            // The attachments travel with the message (same content-addressed files).
            for attachment in original.attachments {
                let data = Array(try Data(contentsOf: URL(fileURLWithPath: store.attachmentPath(sha256: attachment.sha256))))
                _ = try store.addAttachment(messageRowID: copyRow, filename: attachment.filename, contentType: attachment.contentType,
                                            data: data, inline: attachment.inline, contentID: attachment.contentID)
            }
            try store.addEvent(ticket: newNumber, type: .created, at: now, detail: "split from \(number) (message \(messageRowID))", actor: actor)
            try store.addEvent(ticket: number, type: .split, at: now, detail: "message \(messageRowID) became \(newNumber)", actor: actor)
            var values = try templateValues(created)
            values.relatedTicket = number
            try queue(.split, for: created, values: values, now: now)
            return newNumber
        }
    }

    /// Closes every answered ticket whose auto-close instant has passed (the usual rule: two
    /// business days without a customer answer) and tells the customer.
    public func autoClose() throws -> [String] {
        let now = clock()
        let lifecycle = Lifecycle(policy: runtime.policy)
        var closed: [String] = []
        for summary in try store.tickets(state: .answered) {
            let times = TicketTimes(state: summary.state, createdAt: summary.createdAt, firstResponseAt: summary.firstResponseAt,
                                    answeredAt: summary.answeredAt, updatedAt: summary.updatedAt, closedAt: summary.closedAt)
            guard lifecycle.autoCloseDue(times, now: now) else { continue }
            try store.transaction {
                // Re-read inside the transaction: a reply may have arrived since the scan.
                guard let current = try store.summary(number: summary.number), current.state == .answered else { return }
                try store.setState(number: current.number, state: .closed, at: now)
                try store.addEvent(ticket: current.number, type: .autoClosed, at: now,
                                   detail: "\(runtime.policy.autoCloseBusinessDays) business days without a customer reply")
                try queue(.autoClosed, for: current, now: now)
            }
            closed.append(summary.number)
        }
        return closed
    }

    func requireTicket(_ number: String) throws -> TicketSummary {
        guard let summary = try store.summary(number: number.uppercased()) else { throw ActionError.noSuchTicket(number) }
        return summary
    }
}
