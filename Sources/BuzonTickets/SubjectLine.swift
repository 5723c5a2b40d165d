import Foundation
/// Cleaning of subjects for new tickets: the reply and forward prefixes mail clients stack up
/// (`RE: RV: Fwd: AW: SV: Antw:`) and our own `[OP10044]` tag say nothing about the problem.
public enum SubjectLine {
    /// Prefixes mail clients put in front of a subject, lower-cased, without the colon.
    /// Spanish (RE, RV), English (Re, Fw, Fwd), German (AW, WG), Nordic (SV, VS), Dutch (Antw).
    public static let replyPrefixes: Set<String> = ["re", "rv", "fw", "fwd", "aw", "wg", "sv", "vs", "antw", "tr", "r", "rif"]

    /// Removes leading reply/forward prefixes (`RE:`, `RE[2]:`, `Fwd :`) and tags of this
    /// reference style (`[OP10044]`, `[#OP10044]`), repeatedly, then trims.
    public static func clean(_ subject: String, reference: TicketReference) -> String {
        var rest = Substring(subject).drop { $0.isWhitespace }
        while true {
            if let after = droppingReplyPrefix(rest) {
                rest = after
            } else if let after = droppingTag(rest, reference: reference) {
                rest = after
            } else {
                break
            }
            rest = rest.drop { $0.isWhitespace }
        }
        return String(rest).trimmingCharacters(in: .whitespaces)
    }

    private static func droppingReplyPrefix(_ text: Substring) -> Substring? {
        let word = text.prefix { $0.isLetter }
        guard !word.isEmpty, replyPrefixes.contains(word.lowercased()) else { return nil }
        var rest = text.dropFirst(word.count)
        if rest.first == "[" {  // `RE[2]:`
            guard let close = rest.firstIndex(of: "]") else { return nil }
            rest = rest[rest.index(after: close)...]
        }
        rest = rest.drop { $0 == " " }
        guard rest.first == ":" else { return nil }
        return rest.dropFirst()
    }

    private static func droppingTag(_ text: Substring, reference: TicketReference) -> Substring? {
        guard text.first == "[", let close = text.firstIndex(of: "]") else { return nil }
        var inner = text[text.index(after: text.startIndex)..<close]
        if inner.first == "#" { inner = inner.dropFirst() }
        guard reference.number(of: String(inner)) != nil else { return nil }
        return text[text.index(after: close)...]
    }
}
