/// Everything about one ticket, for `buzon show`: messages, events and time log oldest first.
public struct TicketDetail: Sendable, Hashable {
    public var summary: TicketSummary
    public var messages: [StoredMessage]
    public var events: [TicketEvent]
    public var timeLog: [TimeEntry]
}
