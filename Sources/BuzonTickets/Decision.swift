/// What to do with one incoming message, and why. A plain value: the store applies it in one
/// transaction, `buzon explain` prints `trail`.
public struct Decision: Sendable {
    public var outcome: Outcome
    /// Notices to queue (already passed through the loop guard).
    public var notices: [PlannedNotice]
    /// Notices the rules wanted and the loop guard stopped, with the reason.
    public var suppressedNotices: [SuppressedNotice]
    /// The rule that settled it.
    public var rule: DecisionRule
    /// Every rule consulted, in order, in words.
    public var trail: [String]
    /// A ticket reference found in the mail but not followed because the sender may not see
    /// that ticket (another organization's number in a subject, a stranger on reply-all).
    /// The store logs it as an event on that ticket.
    public var ignoredReference: String?

    public init(outcome: Outcome, notices: [PlannedNotice] = [], suppressedNotices: [SuppressedNotice] = [],
                rule: DecisionRule, trail: [String] = [], ignoredReference: String? = nil) {
        self.outcome = outcome
        self.notices = notices
        self.suppressedNotices = suppressedNotices
        self.rule = rule
        self.trail = trail
        self.ignoredReference = ignoredReference
    }

    /// One line for logs: `follow-up on OP10044 by customer (reopens) [subject_reference]; notices: reopened`.
    public var summary: String {
        var line = outcome.summary + " [\(rule.rawValue)]"
        if !notices.isEmpty { line += "; notices: " + notices.map(\.kind.rawValue).joined(separator: ", ") }
        if !suppressedNotices.isEmpty {
            line += "; suppressed: " + suppressedNotices.map(\.kind.rawValue).joined(separator: ", ")
        }
        if let ignoredReference { line += "; ignored reference \(ignoredReference)" }
        return line
    }
}
