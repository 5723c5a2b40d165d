/// The decision being built: the trail, the notices and the reference left aside, gathered
/// while the rules run, then finished into a `Decision`.
struct DecisionDraft {
    var trail: [String] = []
    var notices: [PlannedNotice] = []
    var suppressed: [SuppressedNotice] = []
    var ignoredReference: String?

    mutating func note(_ line: String) {
        trail.append(line)
    }

    func finish(_ outcome: Decision.Outcome, rule: DecisionRule) -> Decision {
        Decision(outcome: outcome, notices: notices, suppressedNotices: suppressed, rule: rule, trail: trail,
                 ignoredReference: ignoredReference)
    }
}
