/// What one round did, for `run --once` output and exit status, and tests.
public struct RoundReport: Sendable, Hashable {
    public var fetched = 0
    public var processed = 0
    public var deadLettered = 0
    public var outbox = OutboxSender.Report()
    /// Mailboxes whose polls all succeeded this round.
    public var mailboxesPolled = 0
    /// Mailboxes whose poll failed (server down, login refused, an environment fault).
    public var mailboxesFailed = 0

    /// True when the round did nothing useful that cron should not hear about: no mailbox
    /// could be polled, or mail was due and the SMTP server could not be reached.
    public var isFailure: Bool {
        (mailboxesPolled == 0 && mailboxesFailed > 0) || outbox.unreachable
    }

    mutating func add(_ poll: MailboxPoller.Report) {
        fetched += poll.fetched
        processed += poll.processed
        deadLettered += poll.deadLettered
    }

    /// Sums the outbox drains of the round. Unreachable when a drain could not reach the
    /// server and no later one sent anything (a server that came back is a recovered round).
    mutating func addOutbox(_ drains: [OutboxSender.Report]) {
        for drain in drains {
            outbox.sent += drain.sent
            outbox.retried += drain.retried
            outbox.failed += drain.failed
            if drain.unreachable { outbox.unreachable = true } else if drain.sent > 0 { outbox.unreachable = false }
        }
    }
}
