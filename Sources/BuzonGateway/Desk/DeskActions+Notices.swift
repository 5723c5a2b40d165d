import Foundation
import BuzonMIME
import BuzonStore
import BuzonConfig

extension DeskActions {
    /// The mailbox a ticket's mail goes out through: the one its first message came in by,
    /// else the first configured mailbox.
    func mailbox(for summary: TicketSummary) throws -> MailboxConfig {
        mailbox(among: try store.messages(ofTicket: summary.number))
    }

    private func mailbox(among messages: [StoredMessage]) -> MailboxConfig {
        let name = messages.first(where: { $0.direction == .incoming })?.mailbox
        return runtime.config.mailboxes.first { $0.name == name } ?? runtime.config.mailboxes[0]
    }

    public func templateValues(_ summary: TicketSummary) throws -> TemplateValues {
        templateValues(summary, mailbox: try mailbox(for: summary))
    }

    private func templateValues(_ summary: TicketSummary, mailbox: MailboxConfig) -> TemplateValues {
        let language = summary.language ?? runtime.language(forOrganization: summary.organization)
        var values = runtime.config.baseTemplateValues(mailbox: mailbox, language: language)
        values.ticketNumber = summary.number
        values.ticketSubject = summary.subject
        values.originalSubject = summary.subject
        values.contactName = summary.contactName ?? summary.contactAddress
        values.contactAddress = summary.contactAddress
        values.organization = summary.organization ?? ""
        values.department = summary.department
        values.category = summary.category
        values.relatedTicket = summary.relatedTicket ?? ""
        values.date = clock()
        return values
    }

    /// The customers on the conversation besides the contact (colleagues who replied-all):
    /// a staff answer goes to all of them, as a person answering reply-all would.
    func colleagues(of summary: TicketSummary) throws -> [Address] {
        let staff = Set(runtime.config.staff)
        return try store.participants(ofTicket: summary.number)
            .filter { $0 != Address.normalize(summary.contactAddress) && !staff.contains($0) }
            .sorted().map { Address(address: $0) }
    }

    /// Queues `template` to the ticket's contact, threaded to the customer's last message.
    func queue(_ template: TemplateName, for summary: TicketSummary, values: TemplateValues? = nil, now: Date,
               automatic: Bool = true, author: MessageAuthor = .system, cc: [Address] = [],
               attachments: [OutgoingMessage.Attachment] = []) throws {
        // The ticket's messages once: they give both the outgoing mailbox and the message answered.
        let messages = try store.messages(ofTicket: summary.number)
        let mailbox = mailbox(among: messages)
        let values = values ?? templateValues(summary, mailbox: mailbox)
        let language = summary.language ?? runtime.language(forOrganization: summary.organization)
        let lastIncoming = messages.last { $0.direction == .incoming }
        let answering = lastIncoming.map { stored in
            Message(messageID: stored.messageID, references: stored.references, subject: stored.subject)
        }
        let context = NoticeComposer.Context(
            ticketNumber: summary.number, mailbox: mailbox, answering: answering,
            to: [Address(name: summary.contactName, address: summary.contactAddress)], cc: cc, automatic: automatic,
            author: author, attachments: attachments)
        let composed = try NoticeComposer(runtime: runtime).compose(template, language: language, values: values,
                                                                     context: context, now: now)
        _ = try store.enqueue(composed.outbox)
        if let record = composed.record { _ = try store.addMessage(record) }
        try store.addEvent(ticket: summary.number, type: .noticeQueued, at: now,
                           detail: "\(template.rawValue) to \(summary.contactAddress)")
    }
}
