import Foundation

/// The soak's mail, reproducible from its seed: a desk inbox from `CorpusGenerator` (requests
/// and replies, a quarter with attachments of 20 KB–2 MB, a few bounces and out-of-office
/// answers, 3 % with MIME defects) split over the phases, plus the poison set.
///
/// Every sender of the generated mail is an authorized customer (`organizationTOML` authorizes
/// all of `SpanishText.domains`), so each request or reply is expected to become a ticket.
struct SoakCorpus {
    private(set) var messages: [SoakMessage] = []

    /// Shares of the good mail per phase (the rest of `count` after the poison set).
    static let shares: [(SoakMessage.Phase, Double)] = [(.kills, 0.5), (.outages, 0.2), (.disk, 0.1), (.twoDaemons, 0.2)]

    /// `count` messages in all: the poison set (`SoakPoison` unless given), and good mail for
    /// the other phases.
    init(count: Int, seed: UInt64, poison: [SoakMessage]? = nil) {
        var generator = CorpusGenerator(seed: seed)
        let poison = poison ?? SoakPoison.messages(seed: seed)
        let good = max(count - poison.count, Self.shares.count)
        var made = 0
        for (index, (phase, share)) in Self.shares.enumerated() {
            let size = index == Self.shares.count - 1 ? good - made : Int(Double(good) * share)
            let first = messages.count
            for _ in 0..<size {
                made += 1
                // The full-disk phase needs attachments to write: every message there has one.
                let generated = phase == .disk ? generator.nextWithAttachment() : generator.next()
                var message = Self.label(generated, number: made, phase: phase)
                // The disk phase delivers its first half while the directory is full, the rest while read-only.
                if phase == .disk { message.label += messages.count - first < size / 2 ? " during ENOSPC" : " during EROFS" }
                messages.append(message)
            }
        }
        messages += poison
    }

    func messages(in phase: SoakMessage.Phase) -> [SoakMessage] {
        messages.filter { $0.phase == phase }
    }

    private static func label(_ generated: GeneratedMessage, number: Int, phase: SoakMessage.Phase) -> SoakMessage {
        let kind: SoakMessage.Kind = switch generated.kind {
        case .request: .request
        case .reply: .reply
        case .autoReply: .autoReply
        case .bounce: .bounce
        }
        var what = kind.rawValue
        if generated.hasAttachment { what += "+attachment" }
        if let defect = generated.defect { what += "+\(defect.rawValue)" }
        let letter = phase == .kills ? "A" : phase == .outages ? "B" : phase == .disk ? "C" : "D"
        return SoakMessage(label: "\(letter)-\(String(format: "%04d", number)) \(what)", phase: phase, kind: kind, bytes: generated.bytes,
                           expectsTicket: kind == .request || kind == .reply)
    }

    /// The `[[organization]]` that authorizes every generated sender.
    static var organizationTOML: String {
        let entries = SpanishText.domains.map { "\"@\($0)\"" }.joined(separator: ", ")
        return """
            [[organization]]
            name = "Clientes del soak"
            authorized = [\(entries)]

            """
    }
}

extension CorpusGenerator {
    /// A request or reply with an attachment and no defect, the clock advanced as `next()` does.
    mutating func nextWithAttachment() -> GeneratedMessage {
        sequence += 1
        clock += random.between(30, 900)
        return humanMessage(isReply: random.chance(0.4), attach: true, defect: nil)
    }
}
