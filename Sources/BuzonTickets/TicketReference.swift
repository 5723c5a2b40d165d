import Foundation
import BuzonMIME

/// The human reference of a ticket (`OP10044`): how it is written, and where it is found again
/// in the mail customers send back.
///
/// Contract for finding a reference (the pattern derives from the configured prefix):
/// - the prefix matches case-insensitively (`op10044` is `OP10044`), and is returned in the
///   configured spelling;
/// - the number is the WHOLE run of ASCII digits after the prefix: `OP10044123` is ticket
///   `OP10044123`, never `OP10044`;
/// - word boundaries on both sides: no letter or digit may touch the prefix on the left
///   (`XOP10044` is not a reference) nor the digits on the right (`OP10044b` is not one);
///   `_` counts as a word character too;
/// - tagged forms (`[OP10044]`, `[#OP10044]`, `#OP10044`) win over a bare word, so a customer
///   who quotes another number in the subject text does not move the thread; among equals
///   the leftmost wins.
public struct TicketReference: Sendable, Hashable {
    /// Letters only (`OP`), as configured.
    public let prefix: String

    public init(prefix: String) {
        self.prefix = prefix
    }

    /// `OP` + `10044` → `OP10044`.
    public func format(_ number: Int) -> String {
        prefix + String(number)
    }

    /// The number inside a reference of this prefix (`OP10044` → 10044), nil if it is not one.
    public func number(of reference: String) -> Int? {
        let scalars = Array(reference.trimmingCharacters(in: .whitespaces).unicodeScalars)
        guard let end = matchPrefix(in: scalars, at: 0), end < scalars.count,
              scalars[end...].allSatisfy(Self.isDigit) else { return nil }
        return Int(String(String.UnicodeScalarView(scalars[end...])))
    }

    /// The tag put in outgoing subjects so replies thread back: `[OP10044]`.
    public func subjectTag(_ reference: String) -> String {
        "[" + reference + "]"
    }

    /// The tag for a ticket number: `subjectTag(number: 10044)` → `[OP10044]`.
    public func subjectTag(number: Int) -> String {
        subjectTag(format(number))
    }

    /// The reference named in a subject, whatever reply or forward prefixes precede it
    /// (`RE: RV: Fwd: [OP10044] …`). See the type's contract for what counts.
    public func find(inSubject subject: String) -> String? {
        let scalars = Array(subject.unicodeScalars)
        var bare: String?
        var index = 0
        while index < scalars.count {
            guard let digitsStart = matchPrefix(in: scalars, at: index),
                  index == 0 || !Self.isWordCharacter(scalars[index - 1]) else {
                index += 1
                continue
            }
            var end = digitsStart
            while end < scalars.count, Self.isDigit(scalars[end]) { end += 1 }
            let bounded = end == scalars.count || !Self.isWordCharacter(scalars[end])
            if end > digitsStart, end - digitsStart <= 18, bounded {
                let found = prefix + String(String.UnicodeScalarView(scalars[digitsStart..<end]))
                let tagged = index > 0 && (scalars[index - 1] == "#" || scalars[index - 1] == "[")
                if tagged { return found }
                if bare == nil { bare = found }
            }
            index = max(end, index + 1)
        }
        return bare
    }

    /// The reference carried in a plus-address of OUR mailbox among the recipients:
    /// `soporte+OP10044@empresa.com` when `mailboxAddress` is `soporte@empresa.com`.
    /// Plus-addresses of any other mailbox are ignored: only the desk's own address can
    /// carry a desk's ticket number.
    public func find(inRecipients recipients: [Address], mailboxAddress: String) -> String? {
        let mailbox = Address(address: mailboxAddress)
        let wantedLocal = mailbox.localPart.lowercased() + "+"
        for recipient in recipients {
            guard recipient.domain == mailbox.domain, !mailbox.domain.isEmpty else { continue }
            let local = recipient.localPart.trimmingCharacters(in: .whitespaces).lowercased()
            guard local.hasPrefix(wantedLocal) else { continue }
            let detail = String(local.dropFirst(wantedLocal.count))
            if let number = number(of: detail) { return format(number) }
        }
        return nil
    }

    /// Index just after the prefix if it starts at `index` (case-insensitive), else nil.
    private func matchPrefix(in scalars: [Unicode.Scalar], at index: Int) -> Int? {
        let wanted = Array(prefix.lowercased().unicodeScalars)
        guard !wanted.isEmpty, index + wanted.count <= scalars.count else { return nil }
        for (offset, letter) in wanted.enumerated() {
            let candidate = scalars[index + offset].properties.lowercaseMapping
            if candidate != String(letter) { return nil }
        }
        return index + wanted.count
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
