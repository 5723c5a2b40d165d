import Foundation
import BuzonMIME
import BuzonTickets
import BuzonStore
import BuzonConfig

/// The notices a decision owes, written through `NoticeWriter` with what only the mail flow
/// knows: the message being answered, its sender and its mailbox.
extension DecisionRecorder {
    /// Queues the decision's notices in the outbox (same transaction as the decision).
    mutating func queueNotices(_ planned: [PlannedNotice], ticket: String?, decision: Decision) throws {
        for notice in planned {
            let summary = try ticket.flatMap { try store.summary(number: $0) }
            let language = runtime.language(forOrganization: summary?.organization ?? organizationOfSender)
            var values = values(language: language, summary: summary)
            values.contactName = notice.to.name ?? values.contactName
            values.contactAddress = notice.to.address
            if case .hold(.openTicketLimit(let organization, let limit)) = decision.outcome {
                values.organization = organization
                values.openTicketLimit = limit
                values.openTicketCount = try store.openTicketCount(organization: organization)
            }
            try queue(NoticeWriter.template(for: notice.kind), language: language, values: values, ticket: ticket,
                      to: [notice.to], automatic: true)
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
        var values = values(language: language, summary: summary)
        values.messageText = mail.reply
        values.staffName = message.from?.name ?? message.from?.address ?? ""
        let customer = Address(name: summary.contactName, address: summary.contactAddress)
        let colleagues = notices.colleagues(among: snapshot.participants, contact: summary.contactAddress)
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
        try queue(.staffReply, language: language, values: values, ticket: snapshot.number, to: [first],
                  cc: Array(recipients.dropFirst()), automatic: false, author: .staff, attachments: attachments)
    }

    private var organizationOfSender: String? {
        guard let sender = message.from?.normalized else { return nil }
        return runtime.authorization.organization(of: sender)?.organization.name
    }

    /// The ticket's values, addressed to the sender of the mail being answered.
    private func values(language: String, summary: TicketSummary?) -> TemplateValues {
        var values = notices.values(mailbox: mailbox, language: language, ticket: summary)
        values.contactName = message.from?.name ?? message.from?.address ?? ""
        values.contactAddress = message.from?.address ?? ""
        values.originalSubject = message.subject
        values.ticketSubject = summary?.subject ?? message.subject
        values.oversizedBytes = originalSize
        return values
    }

    /// Queues one notice answering the message being recorded, from its mailbox.
    private mutating func queue(_ template: TemplateName, language: String, values: TemplateValues, ticket: String?,
                                to: [Address], cc: [Address] = [], automatic: Bool, author: MessageAuthor = .system,
                                attachments: [OutgoingMessage.Attachment] = []) throws {
        let context = NoticeComposer.Context(ticketNumber: ticket, mailbox: mailbox, answering: message, to: to, cc: cc,
                                             automatic: automatic, author: author, attachments: attachments)
        try notices.queue(template, language: language, values: values, context: context)
        queued.append(template.rawValue)
    }
}
