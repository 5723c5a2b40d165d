import Foundation
import BuzonConfig
import BuzonMIME
import BuzonTickets
import BuzonStore

/// The one writer of notices about a ticket, for the mail flow (`DecisionRecorder`) and the
/// desk (`DeskActions`) alike: the template values a ticket gives, the colleagues a staff answer
/// goes to, and "queue": render through `NoticeComposer`, put the message in the outbox, record
/// the outgoing copy on the ticket and write the timeline event. It also records that staff
/// answered (`recordStaffAnswer`), whether by mail or from the command line.
///
/// Contract: every write happens in the caller's transaction, so a notice is queued exactly
/// when the decision or action that owes it commits, and never without its timeline event.
struct NoticeWriter {
    let runtime: GatewayRuntime
    let store: TicketStore
    /// The instant of the decision or action: the notice's date, its outbox time, its events.
    let now: Date

    /// The template each notice kind of a decision is written with.
    static func template(for kind: NoticeKind) -> TemplateName {
        switch kind {
        case .acknowledgement, .newTicketForClosed: .acknowledgement
        case .reopened: .reopened
        case .notAuthorized: .notAuthorized
        case .limitReached: .limitReached
        }
    }

    /// The values every notice carries: the configuration's for `mailbox` and `language`, then
    /// the ticket's facts when there is a ticket (its contact as the addressee). Callers
    /// override what only they know: the sender of the mail being answered, a staff member's text.
    func values(mailbox: MailboxConfig, language: String, ticket summary: TicketSummary?) -> TemplateValues {
        var values = runtime.config.baseTemplateValues(mailbox: mailbox, language: language)
        values.date = now
        guard let summary else { return values }
        values.ticketNumber = summary.number
        values.ticketSubject = summary.subject
        values.originalSubject = summary.subject
        values.contactName = summary.contactName ?? summary.contactAddress
        values.contactAddress = summary.contactAddress
        values.organization = summary.organization ?? ""
        values.department = summary.department
        values.category = summary.category
        values.relatedTicket = summary.relatedTicket ?? ""
        return values
    }

    /// The customers on a conversation besides its contact (colleagues who replied-all), in
    /// address order: a staff answer goes to all of them, as a person answering reply-all
    /// would. Staff addresses are never among them.
    func colleagues(among participants: some Sequence<String>, contact: String) -> [Address] {
        let staff = Set(runtime.config.staff)
        let contact = Address.normalize(contact)
        return participants
            .filter { Address.normalize($0) != contact && !staff.contains(Address.normalize($0)) }
            .sorted().map { Address(address: $0) }
    }

    /// Renders `template` and queues it: the outbox row, the outgoing copy on the ticket (so
    /// replies thread back by Message-ID) and the timeline event, `acknowledgement_queued` or
    /// `notice_queued`, naming the template and the addressees. A notice without a ticket (a
    /// refusal) is only an outbox row.
    func queue(_ template: TemplateName, language: String, values: TemplateValues, context: NoticeComposer.Context) throws {
        let composed = try NoticeComposer(runtime: runtime).compose(template, language: language, values: values,
                                                                     context: context, now: now)
        _ = try store.enqueue(composed.outbox)
        if let record = composed.record { _ = try store.addMessage(record) }
        if let ticket = context.ticketNumber {
            let type: EventType = template == .acknowledgement ? .acknowledgementQueued : .noticeQueued
            try store.addEvent(ticket: ticket, type: type, at: now,
                               detail: "\(template.rawValue) to \(context.to.map(\.address).joined(separator: ", "))")
        }
    }

    /// Staff answered ticket `number` (by mail, or `buzon reply`): the ticket is answered, its
    /// first response time is set if it had none, and the timeline names who answered. The
    /// answer itself is queued by the caller (`staff_reply`), which knows its text and addressees.
    func recordStaffAnswer(ticket number: String, by staff: String) throws {
        try store.setState(number: number, state: .answered, at: now)
        try store.recordFirstResponse(number: number, at: now)
        try store.addEvent(ticket: number, type: .staffReplied, at: now, detail: staff, actor: staff)
    }
}
