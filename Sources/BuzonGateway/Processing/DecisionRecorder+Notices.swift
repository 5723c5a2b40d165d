import Foundation
import BuzonMIME
import BuzonTickets
import BuzonStore
import BuzonConfig

extension DecisionRecorder {
    /// The template each notice kind is written with.
    static func template(for kind: NoticeKind) -> TemplateName {
        switch kind {
        case .acknowledgement, .newTicketForClosed: .acknowledgement
        case .reopened: .reopened
        case .notAuthorized: .notAuthorized
        case .limitReached: .limitReached
        }
    }

    /// Queues the decision's notices in the outbox (same transaction as the decision).
    mutating func queueNotices(_ notices: [PlannedNotice], ticket: String?, decision: Decision) throws {
        for notice in notices {
            let summary = try ticket.flatMap { try store.summary(number: $0) }
            let language = runtime.language(forOrganization: summary?.organization ?? organizationOfSender)
            var values = baseValues(language: language, summary: summary)
            values.contactName = notice.to.name ?? values.contactName
            values.contactAddress = notice.to.address
            if case .hold(.openTicketLimit(let organization, let limit)) = decision.outcome {
                values.organization = organization
                values.openTicketLimit = limit
                values.openTicketCount = try store.openTicketCount(organization: organization)
            }
            let template = DecisionRecorder.template(for: notice.kind)
            try enqueue(template, language: language, values: values, ticket: ticket, to: [notice.to], automatic: true)
        }
    }

    /// A staff member's e-mailed answer goes to the customer (and the colleagues on the
    /// ticket) through the `staff_reply` template, marker line on top.
    ///
    /// Whoever the staff member already wrote to directly (a reply-all that kept the customer
    /// in To or Cc) has the answer: they are left out, so nobody receives it twice. When
    /// everyone had it, nothing is queued and the timeline says so.
    mutating func queueStaffReply(_ snapshot: TicketSnapshot) throws {
        guard let summary = try store.summary(number: snapshot.number) else { return }
        let language = runtime.language(forOrganization: summary.organization)
        var values = baseValues(language: language, summary: summary)
        values.messageText = mail.reply
        values.staffName = message.from?.name ?? message.from?.address ?? ""
        let customer = Address(name: summary.contactName, address: summary.contactAddress)
        let staff = Set(runtime.config.staff)
        let colleagues = snapshot.participants
            .filter { Address.normalize($0) != customer.normalized && !staff.contains(Address.normalize($0)) }
            .sorted().map { Address(address: $0) }
        let alreadyWritten = Set((message.to + message.cc).map(\.normalized))
        let recipients = ([customer] + colleagues).filter { !alreadyWritten.contains($0.normalized) }
        guard let first = recipients.first else {
            try store.addEvent(ticket: snapshot.number, type: .noticeQueued, at: now,
                               detail: "staff_reply not sent: the staff member wrote to every customer directly")
            return
        }
        let attachments = message.attachments.filter { !$0.isInline }.map {
            OutgoingMessage.Attachment(filename: $0.filename ?? "adjunto", contentType: $0.contentType, data: $0.data)
        }
        try enqueue(.staffReply, language: language, values: values, ticket: snapshot.number, to: [first],
                    cc: Array(recipients.dropFirst()), automatic: false, author: .staff, attachments: attachments)
    }

    private var organizationOfSender: String? {
        guard let sender = message.from?.normalized else { return nil }
        return runtime.authorization.organization(of: sender)?.organization.name
    }

    private func baseValues(language: String, summary: TicketSummary?) -> TemplateValues {
        var values = runtime.config.baseTemplateValues(mailbox: mailbox, language: language)
        values.contactName = message.from?.name ?? message.from?.address ?? ""
        values.contactAddress = message.from?.address ?? ""
        values.originalSubject = message.subject
        values.ticketSubject = summary?.subject ?? message.subject
        values.date = now
        values.oversizedBytes = originalSize
        if let summary {
            values.ticketNumber = summary.number
            values.organization = summary.organization ?? ""
            values.category = summary.category
            values.department = summary.department
            values.relatedTicket = summary.relatedTicket ?? ""
        }
        return values
    }

    private mutating func enqueue(_ template: TemplateName, language: String, values: TemplateValues, ticket: String?,
                                  to: [Address], cc: [Address] = [], automatic: Bool, author: MessageAuthor = .system,
                                  attachments: [OutgoingMessage.Attachment] = []) throws {
        let composer = NoticeComposer(runtime: runtime)
        let context = NoticeComposer.Context(ticketNumber: ticket, mailbox: mailbox, answering: message, to: to, cc: cc,
                                             automatic: automatic, author: author, attachments: attachments)
        let composed = try composer.compose(template, language: language, values: values, context: context, now: now)
        _ = try store.enqueue(composed.outbox)
        if let record = composed.record { _ = try store.addMessage(record) }
        if let ticket {
            let type: EventType = template == .acknowledgement ? .acknowledgementQueued : .noticeQueued
            try store.addEvent(ticket: ticket, type: type, at: now, detail: "\(template.rawValue) to \(to.map(\.address).joined(separator: ", "))")
        }
        queued.append(template.rawValue)
    }
}
