/// One mailbox: an optional display name and an addr-spec.
public struct Address: Sendable, Hashable, Codable {
    /// Decoded display name (RFC 2047 words decoded, quotes removed), nil when absent.
    public var name: String?
    /// The addr-spec as written (local part case kept).
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// The form used for comparisons: the domain case-folded, surrounding space removed.
    /// The local part keeps its case (RFC 5321 §2.4) but is compared case-insensitively by
    /// `normalized`'s users through `Address.normalize`.
    public var normalized: String { Address.normalize(address) }

    /// Lower-cases the whole address: every mail system Buzón talks to treats local parts
    /// case-insensitively, and a ticket must not split because someone typed `Ana@`.
    public static func normalize(_ address: String) -> String {
        // Fast path: addresses almost never carry surrounding blanks, and Foundation's
        // trimming showed up in the decide-and-store profile (it runs for every lookup).
        let utf8 = address.utf8
        if let first = utf8.first, let last = utf8.last, (0x21..<0x80).contains(first), (0x21..<0x80).contains(last) {
            return address.lowercased()
        }
        return address.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Domain part after the last `@`, lower-cased; empty when there is none.
    public var domain: String {
        let normalized = self.normalized
        guard let at = normalized.lastIndex(of: "@") else { return "" }
        return String(normalized[normalized.index(after: at)...])
    }

    /// Local part before the last `@`.
    public var localPart: String {
        guard let at = address.lastIndex(of: "@") else { return address }
        return String(address[..<at])
    }
}
