/// What one round did, for `run --once` output and tests.
public struct RoundReport: Sendable, Hashable {
    public var fetched = 0
    public var processed = 0
    public var deadLettered = 0
    public var outbox = OutboxSender.Report()

    mutating func add(_ poll: MailboxPoller.Report) {
        fetched += poll.fetched
        processed += poll.processed
        deadLettered += poll.deadLettered
    }
}
