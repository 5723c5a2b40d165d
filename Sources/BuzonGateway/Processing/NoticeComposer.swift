import Foundation
import BuzonMIME
import BuzonTickets
import BuzonStore
import BuzonConfig

/// Turns a template and the facts of a ticket into a finished outgoing message: the bytes
/// for the outbox and the record that lets replies thread back by Message-ID.
///
/// Threading rules it applies (so the customer's reply-all lands on the same ticket):
/// `In-Reply-To`/`References` point at the customer's message, the subject carries the
/// reference (templates are validated for it), `Reply-To` is the mailbox's plus-address for
/// the ticket, and the Message-ID (on our domain) is recorded on the ticket.
/// Loop rules (RFC 3834): automatic notices carry `Auto-Submitted: auto-replied`, and every
/// message carries `X-Buzon-Loop`, which the parser flags on sight if it ever comes back.
struct NoticeComposer {
    let runtime: GatewayRuntime

    struct Composed {
        var outbox: OutboxMessage
        /// The outgoing message as a ticket record (nil for notices without a ticket).
        var record: MessageRecord?
    }

    /// What the message answers: its Message-ID and references, when there is one.
    struct Context {
        var ticketNumber: String?
        var mailbox: MailboxConfig
        var answering: Message?
        var to: [Address]
        var cc: [Address] = []
        var automatic: Bool
        var author: MessageAuthor = .system
        var attachments: [OutgoingMessage.Attachment] = []
    }

    func compose(_ template: TemplateName, language: String, values: TemplateValues, context: Context,
                 now: Date) throws -> Composed {
        let config = runtime.config
        let rendered = runtime.templates.render(template, language: language, values: values)
        let messageID = OutgoingMessage.makeMessageID(domain: config.domain)
        let mailboxAddress = context.mailbox.address
        let replyTo = context.ticketNumber.map { NoticeComposer.plusAddress(mailboxAddress, ticket: $0) } ?? mailboxAddress
        var references = context.answering?.references ?? []
        if let id = context.answering?.messageID, !references.contains(id) { references.append(id) }
        var headers: [(String, String)] = [("X-Buzon-Loop", config.domain)]
        if context.automatic { headers.append(("Auto-Submitted", "auto-replied")) }
        if let number = context.ticketNumber { headers.append(("X-Buzon-Ticket", number)) }
        var outgoing = OutgoingMessage(
            from: Address(name: config.smtp.fromName, address: mailboxAddress),
            to: context.to,
            subject: rendered.subject,
            messageID: messageID,
            date: now,
            textBody: rendered.body)
        outgoing.cc = context.cc
        outgoing.replyTo = [Address(address: replyTo)]
        outgoing.inReplyTo = context.answering?.messageID.map { [$0] } ?? []
        outgoing.references = references
        outgoing.extraHeaders = headers
        outgoing.attachments = context.attachments
        let bytes = try outgoing.render()
        let recipients = (context.to + context.cc).map(\.address)
        let outbox = OutboxMessage(
            ticketNumber: context.ticketNumber, template: template.rawValue, envelopeFrom: config.smtp.from,
            recipients: recipients, messageID: messageID, bytes: bytes, automatic: context.automatic,
            createdAt: now, nextAttemptAt: now)
        let record = context.ticketNumber.map { number in
            MessageRecord(
                ticketNumber: number, direction: .outgoing, author: context.author,
                fromAddress: mailboxAddress, fromName: config.smtp.fromName,
                to: context.to.map(\.address), cc: context.cc.map(\.address),
                messageID: messageID, inReplyTo: context.answering?.messageID, references: references,
                subject: rendered.subject, reply: rendered.body, body: rendered.body,
                raw: nil, mailbox: context.mailbox.name, receivedAt: now)
        }
        return Composed(outbox: outbox, record: record)
    }

    /// `soporte@empresa.com` + `OP10044` → `soporte+OP10044@empresa.com` (RFC 5233 subaddress).
    static func plusAddress(_ address: String, ticket: String) -> String {
        guard let at = address.lastIndex(of: "@") else { return address }
        return address[..<at] + "+" + ticket + address[at...]
    }
}
