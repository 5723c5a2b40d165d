/// The end-of-run verdict on every message and every acknowledgement, from a `SoakLedger`.
///
/// A message is, in this order of evidence:
/// - **ticketed**: its bytes are stored on a ticket;
/// - **automatic**: the ledger recorded it as automatic mail (bounce, auto-reply, loop, our
///   own mailbox) — the only mail that may be recorded without a review entry;
/// - **kept**: its bytes are kept elsewhere in the database (held, or rejected and kept);
/// - **dead-lettered**: it sits in the dead-letter folder;
/// - **swallowed**: the ledger recorded it (so it was marked on the server) but its bytes are
///   kept nowhere — a customer's mail nobody can find again;
/// - **lost**: none of the above (still in the mailbox, unprocessed, or gone).
struct SoakAccounting {
    enum Verdict {
        case ticketed, automatic(String), kept(String), deadLettered, swallowed(String), lost(String)
    }

    /// Ledger outcomes that mean "recognised as automatic mail".
    static let automaticOutcomes: Set<String> = ["auto_generated", "own_mailbox", "bounced_message"]

    private(set) var verdicts: [(message: SoakMessage, verdict: Verdict)] = []

    init(messages: [SoakMessage], ledger: SoakLedger) throws {
        let outcomes = try ledger.outcomes()
        let ticketed = try ledger.ticketedContent()
        let kept = try ledger.keptContent()
        let deadLetters = try ledger.folderContent(ledger.deadLetterFolder)
        let inbox = try ledger.folderContent("INBOX")
        var sharing: [String: [String]] = [:]
        for message in messages { sharing[message.dedupeKey, default: []].append(message.label) }
        for message in messages {
            let outcome = outcomes[message.dedupeKey]
            let verdict: Verdict
            if ticketed.contains(message.contentKey) {
                verdict = .ticketed
            } else if let outcome, Self.automaticOutcomes.contains(outcome) {
                verdict = .automatic(outcome)
            } else if kept.contains(message.contentKey) {
                verdict = .kept(outcome ?? "no ledger entry")
            } else if deadLetters[message.contentKey] != nil {
                verdict = .deadLettered
            } else if let outcome {
                let others = sharing[message.dedupeKey, default: []].filter { $0 != message.label }
                verdict = .swallowed("recorded as \(outcome) under \(message.dedupeKey.prefix(16))… but its bytes are kept nowhere"
                                     + (others.isEmpty ? "" : "; same dedupe key as \(others.joined(separator: ", "))"))
            } else if let seen = inbox[message.contentKey] {
                verdict = .lost("still in INBOX, \(seen ? "\\Seen" : "unseen"), never recorded")
            } else {
                verdict = .lost("in no folder and never recorded")
            }
            verdicts.append((message, verdict))
        }
    }

    func messages(where test: (Verdict) -> Bool) -> [SoakMessage] {
        verdicts.filter { test($0.verdict) }.map(\.message)
    }

    var ticketed: Int { verdicts.filter { if case .ticketed = $0.verdict { true } else { false } }.count }
    var automatic: Int { verdicts.filter { if case .automatic = $0.verdict { true } else { false } }.count }
    var kept: Int { verdicts.filter { if case .kept = $0.verdict { true } else { false } }.count }

    /// Every message whose verdict `reason` describes (nil skips it), with that description.
    func failures(_ reason: (Verdict) -> String?) -> [(message: SoakMessage, why: String)] {
        verdicts.compactMap { entry in reason(entry.verdict).map { (entry.message, $0) } }
    }
}

/// Acknowledgements (any notice) the SMTP sink received more than once, each repeat blamed on
/// the interruption that explains it: the first SIGKILL or SMTP outage after the first copy
/// arrived, or the two-daemon window when the first copy arrived inside it.
struct SoakDoubles {
    /// An interruption, with how many notices the sink held right after it.
    struct Mark {
        var name: String
        var receivedAfter: Int
    }

    struct Repeat {
        var messageID: String
        var firstPosition: Int
        var blame: String
    }

    private(set) var repeats: [Repeat] = []
    private(set) var perMark: [String: Int] = [:]

    init(received: [SoakLedger.Received], marks: [Mark], twoDaemons: Range<Int>) {
        var first: [String: Int] = [:]
        for (position, notice) in received.enumerated() {
            guard let earlier = first[notice.messageID] else {
                first[notice.messageID] = position
                continue
            }
            let blame: String
            if twoDaemons.contains(earlier) {
                blame = "two daemons"
            } else if let mark = marks.first(where: { $0.receivedAfter > earlier && $0.receivedAfter <= position + 1 }) {
                blame = mark.name
            } else {
                blame = "no interruption"
            }
            perMark[blame, default: 0] += 1
            repeats.append(Repeat(messageID: notice.messageID, firstPosition: earlier, blame: blame))
        }
    }

    var total: Int { repeats.count }
    var withTwoDaemons: Int { perMark["two daemons"] ?? 0 }
    var withoutInterruption: Int { perMark["no interruption"] ?? 0 }
    /// The most repeats blamed on one SIGKILL or SMTP outage.
    var maxPerInterruption: Int {
        perMark.filter { $0.key != "two daemons" && $0.key != "no interruption" }.values.max() ?? 0
    }
}
