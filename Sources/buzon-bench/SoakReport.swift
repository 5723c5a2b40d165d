import Foundation

/// The soak's figures and checks. Each check prints PASS or FAIL; a FAIL names the messages
/// (label, Message-ID, what happened), grouped by phase, or the repeated acknowledgements it is
/// about, so a run can be read without the logs and repeated with the printed seed. The
/// terminal shows a few examples per group (every poison message); `soak-report.txt` in the work directory has all.
struct SoakReport {
    struct Check {
        var name: String
        /// Groups of failure lines (a phase's messages, or the repeats after one interruption).
        var groups: [(title: String, lines: [String])] = []
        var count: Int { groups.reduce(0) { $0 + $1.lines.count } }
        var passed: Bool { groups.isEmpty }
    }

    private(set) var figures: [(String, String)] = []
    private(set) var checks: [Check] = []
    private(set) var notes: [String] = []
    private let header: String
    private let phases: [String]

    var passed: Bool { checks.allSatisfy(\.passed) }

    init(test: SoakTest, accounting: SoakAccounting, doubles: SoakDoubles) throws {
        let options = test.options
        let corpus = test.corpus
        header = "Buzón soak — seed \(options.seed); repeat with: bash scripts/soak.sh --messages \(options.messages) --kills \(options.kills) --seed \(options.seed)"
        phases = test.phaseSeconds.map { entry in
            "  \(entry.phase.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(String(format: "%5d", corpus.messages(in: entry.phase).count)) messages "
                + "\(String(format: "%6.1f", entry.seconds)) s  \(entry.faults)"
        }
        let ledger = test.ledger
        let messages = corpus.messages
        let acknowledgements = try ledger.acknowledgementsByStatus()
        let received = try ledger.received()
        let lost = accounting.failures { if case .lost(let why) = $0 { why } else { nil } }
        let swallowed = accounting.failures { if case .swallowed(let why) = $0 { why } else { nil } }
        let deadLettered = accounting.failures { if case .deadLettered = $0 { "in \(ledger.deadLetterFolder)" } else { nil } }
        let deadGood = deadLettered.filter(\.message.isGoodMail)
        figures = [
            ("messages in", "\(messages.count) (\(messages.filter(\.isGoodMail).count) mail, \(messages.filter { !$0.isGoodMail }.count) not mail)"),
            ("tickets", "\(try ledger.ticketCount()) (\(accounting.ticketed) messages stored on tickets)"),
            ("acknowledgements", "\(acknowledgements["sent"] ?? 0) sent, \(acknowledgements["queued"] ?? 0) queued, \(acknowledgements["failed"] ?? 0) failed;"
                + " the SMTP sink received \(received.count) notices (\(Set(received.map(\.messageID)).count) distinct)"),
            ("doubles per kill", "\(doubles.total) repeated notices; at most \(doubles.maxPerInterruption) per interruption over \(test.marks.count)"
                + " (\(options.kills) SIGKILLs, 1 SMTP outage); \(doubles.withTwoDaemons) with two daemons"),
            ("dead letters", "\(try ledger.deadLetterCount()) in the folder (\(deadGood.count) good mail)"),
            ("held/rejected kept", "\(accounting.kept)"),
            ("automatic", "\(accounting.automatic) recorded without a review entry"),
            ("swallowed", "\(swallowed.count)"),
            ("lost", "\(lost.count)"),
            ("peak RSS", String(format: "%.1f MiB (largest of %d daemon processes)", Double(test.peakResidentBytes) / 1_048_576, test.daemonLives + 1)),
            ("wall time", String(format: "%.1f s", ResourceUsage.now - test.started)),
        ]
        checks = [
            Check(name: "0 lost (in the mailbox but neither ticketed, kept nor recorded)", groups: Self.byPhase(lost, corpus)),
            Check(name: "0 swallowed (recorded and marked on the server, but kept nowhere)", groups: Self.byPhase(swallowed, corpus)),
            Check(name: "0 dead-lettered good mail", groups: Self.byPhase(deadGood, corpus)),
            Check(name: "≤ 1 doubled acknowledgement per kill (per SIGKILL or SMTP outage; none without one)",
                  groups: Self.repeats(doubles) { $0 != "two daemons" }),
            Check(name: "0 doubled with two daemons", groups: Self.repeats(doubles) { $0 == "two daemons" }),
            Check(name: "the daemon never exited on its own", groups: test.crashes.isEmpty ? [] : [("", test.crashes)]),
            Check(name: "every acknowledgement sent by the end (none left queued or failed)",
                  groups: try Self.unsent(ledger)),
        ]
        notes = test.notes
        notes += accounting.verdicts.compactMap { entry in
            guard entry.message.expectsTicket, case .kept(let outcome) = entry.verdict else { return nil }
            return "expected a ticket, was kept as \(outcome): \(entry.message.description)"
        }
    }

    /// Unsent acknowledgements, titled with what holds them back when it is a sender's claim
    /// (a daemon killed while holding a claim leaves its notices unsent until the claim ends).
    private static func unsent(_ ledger: SoakLedger) throws -> [(title: String, lines: [String])] {
        let lines = try ledger.unsentAcknowledgements()
        guard !lines.isEmpty else { return [] }
        var title = "\(lines.count) acknowledgements never sent during the run"
        if let claimed = ledger.claimedQueued(), claimed.count > 0, let until = claimed.until {
            title += "; \(claimed.count) of them claimed by a sender for \(Int(until.timeIntervalSinceNow)) s more"
                + " (claims of killed daemons: those customers wait until the claims run out)"
        }
        return [(title, lines)]
    }

    /// Failing messages grouped by phase: `phase: n of m messages`, then `label <id>: why`.
    private static func byPhase(_ failures: [(message: SoakMessage, why: String)], _ corpus: SoakCorpus) -> [(title: String, lines: [String])] {
        SoakMessage.Phase.allCases.compactMap { phase in
            let lines = failures.filter { $0.message.phase == phase }.map { "\($0.message.description): \($0.why)" }
            return lines.isEmpty ? nil : ("\(phase.rawValue): \(lines.count) of \(corpus.messages(in: phase).count) messages", lines)
        }
    }

    /// Repeated notices per interruption the `include` test selects; one repeat per SIGKILL or
    /// SMTP outage is allowed (at-least-once sending), none otherwise.
    private static func repeats(_ doubles: SoakDoubles, _ include: (String) -> Bool) -> [(title: String, lines: [String])] {
        doubles.perMark.sorted(by: { $0.key < $1.key }).compactMap { blame, count in
            let allowed = blame == "two daemons" || blame == "no interruption" ? 0 : 1
            guard include(blame), count > allowed else { return nil }
            return ("\(count) notices repeated after \(blame)", doubles.repeats.filter { $0.blame == blame }.map { "<\($0.messageID)>" })
        }
    }

    /// The report's lines; at most `examples` lines per failure group (nil: all).
    func lines(examples: Int?) -> [String] {
        var lines = ["", header, "phases:"] + phases
        lines += figures.map { "\($0.0.padding(toLength: 19, withPad: " ", startingAt: 0)) \($0.1)" }
        for check in checks {
            lines.append("\(check.passed ? "PASS" : "FAIL") \(check.name)" + (check.passed ? "" : ": \(check.count)"))
            for group in check.groups {
                if !group.title.isEmpty { lines.append("       \(group.title)") }
                // Poison messages differ in kind: all of them are shown.
                let limit = group.title.hasPrefix(SoakMessage.Phase.poison.rawValue) ? nil : examples
                let shown = limit.map { group.lines.prefix($0) } ?? group.lines[...]
                lines += shown.map { "         \($0)" }
                if shown.count < group.lines.count { lines.append("         … and \(group.lines.count - shown.count) more (soak-report.txt)") }
            }
        }
        lines += notes.map { "NOTE \($0)" }
        let failed = checks.filter { !$0.passed }.count
        lines.append(passed ? "soak: every check passed" : "soak: \(failed) \(failed == 1 ? "check" : "checks") FAILED")
        return lines
    }

    /// Prints the report with a few examples per group and writes it whole to `path`.
    func print(writingTo path: String) {
        lines(examples: 6).forEach { Swift.print($0) }
        try? (lines(examples: nil).joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}
