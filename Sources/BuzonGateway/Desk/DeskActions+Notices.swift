import Foundation
import BuzonMIME
import BuzonStore
import BuzonConfig

/// The notices desk actions owe, written through `NoticeWriter` (the one writer shared with
/// the mail flow) with what only the desk knows: the mailbox and the message to answer come
/// from the ticket's stored messages.
extension DeskActions {
    /// The notice writer for an action at `now`.
    func notices(at now: Date) -> NoticeWriter {
        NoticeWriter(runtime: runtime, store: store, now: now)
    }

    /// The mailbox a ticket's mail goes out through: the one its first message came in by,
    /// else the first configured mailbox.
    func mailbox(for summary: TicketSummary) throws -> MailboxConfig {
        mailbox(among: try store.messages(ofTicket: summary.number))
    }

    private func mailbox(among messages: [StoredMessage]) -> MailboxConfig {
        let name = messages.first(where: { $0.direction == .incoming })?.mailbox
        return runtime.config.mailboxes.first { $0.name == name } ?? runtime.config.mailboxes[0]
    }

    /// The language of the ticket's notices: the ticket's own, else its organization's.
    private func language(of summary: TicketSummary) -> String {
        summary.language ?? runtime.language(forOrganization: summary.organization)
    }

    /// The values a notice about the ticket carries (`buzon templates preview` shows them).
    public func templateValues(_ summary: TicketSummary) throws -> TemplateValues {
        notices(at: clock()).values(mailbox: try mailbox(for: summary), language: language(of: summary), ticket: summary)
    }

    /// The customers on the conversation besides the contact (colleagues who replied-all).
    func colleagues(of summary: TicketSummary, writer: NoticeWriter) throws -> [Address] {
        writer.colleagues(among: try store.participants(ofTicket: summary.number), contact: summary.contactAddress)
    }

    /// Queues `template` to the ticket's contact, threaded to the customer's last message.
    func queue(_ template: TemplateName, for summary: TicketSummary, values: TemplateValues? = nil, now: Date,
               automatic: Bool = true, author: MessageAuthor = .system, cc: [Address] = [],
               attachments: [OutgoingMessage.Attachment] = []) throws {
        let writer = notices(at: now)
        // The ticket's messages once: they give both the outgoing mailbox and the message answered.
        let messages = try store.messages(ofTicket: summary.number)
        let mailbox = mailbox(among: messages)
        let language = language(of: summary)
        let values = values ?? writer.values(mailbox: mailbox, language: language, ticket: summary)
        let lastIncoming = messages.last { $0.direction == .incoming }
        let answering = lastIncoming.map { stored in
            Message(messageID: stored.messageID, references: stored.references, subject: stored.subject)
        }
        let context = NoticeComposer.Context(
            ticketNumber: summary.number, mailbox: mailbox, answering: answering,
            to: [Address(name: summary.contactName, address: summary.contactAddress)], cc: cc, automatic: automatic,
            author: author, attachments: attachments)
        try writer.queue(template, language: language, values: values, context: context)
    }
}
