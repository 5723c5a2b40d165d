import Foundation
/// Cleaning of subjects for new tickets: the reply and forward prefixes mail clients stack up
/// (`RE: RV: Fwd: AW: SV: Antw:`) and our own `[OP10044]` tag say nothing about the problem.
public enum SubjectLine {
    /// Prefixes mail clients put in front of a subject, lower-cased, without the colon.
    /// Spanish (RE, RV), English (Re, Fw, Fwd), German (AW, WG), Nordic (SV, VS), Dutch (Antw).
    public static let replyPrefixes: Set<String> = ["re", "rv", "fw", "fwd", "aw", "wg", "sv", "vs", "antw", "tr", "r", "rif"]

    /// Removes leading reply/forward prefixes (`RE:`, `RE[2]:`, `Fwd :`) and tags of this
    /// reference style (`[OP10044]`, `[#OP10044]`), repeatedly, then trims.
    /// Control characters (a decoded encoded word may carry CR/LF, ESC, NUL) become single
    /// spaces: a ticket subject is one line, printed in tables and terminals.
    public static func clean(_ subject: String, reference: TicketReference) -> String {
        var rest = Substring(singleLine(subject)).drop { $0.isWhitespace }
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

    /// Runs of control characters and whitespace around them collapse to one space.
    static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isControl(scalar) || (pendingSpace && scalar == " ") {
                pendingSpace = true
                continue
            }
            if pendingSpace, scalars.last != " " { scalars.append(" ") }
            pendingSpace = false
            scalars.append(scalar)
        }
        return String(scalars)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        default: return false
        }
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
