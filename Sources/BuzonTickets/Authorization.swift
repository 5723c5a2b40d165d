import BuzonMIME
import Foundation

/// Who an address is to the desk: staff, a member of an organization, one of our own
/// mailboxes, a robot. Pure lookups over `DeskPolicy`; every comparison is on
/// `Address.normalize`d text (trimmed, lower-cased).
public struct Authorization: Sendable {
    public let policy: DeskPolicy
    /// Normalized entry → index of the first organization listing it (exact addresses and
    /// `@domain` entries), and the normalized staff: built once, because every message asks.
    private let entries: [String: Int]
    private let staff: Set<String>

    public init(policy: DeskPolicy) {
        self.policy = policy
        var entries: [String: Int] = [:]
        for (index, organization) in policy.organizations.enumerated() {
            for entry in organization.authorized where entries[Address.normalize(entry)] == nil {
                entries[Address.normalize(entry)] = index
            }
        }
        self.entries = entries
        self.staff = Set(policy.staff.map(Address.normalize))
    }

    /// The organization authorizing `address`.
    ///
    /// An exact address entry in ANY organization wins over a domain entry (so
    /// `consultor@andina.cl` listed under Consultora goes there even though Andina lists
    /// `@andina.cl`). A domain entry `@andina.cl` covers exactly that domain: subdomains
    /// (`ventas.andina.cl`) must be listed themselves, because a subsidiary is not
    /// necessarily allowed to see the parent's tickets.
    public func organization(of address: String) -> OrganizationMatch? {
        let normalized = Address.normalize(address)
        guard let at = normalized.lastIndex(of: "@") else { return nil }
        let domainEntry = String(normalized[at...])
        if let index = entries[normalized] {
            return OrganizationMatch(organization: policy.organizations[index], entry: normalized)
        }
        if let index = entries[domainEntry] {
            return OrganizationMatch(organization: policy.organizations[index], entry: domainEntry)
        }
        return nil
    }

    /// The organization with this name, if configured.
    public func organization(named name: String) -> Organization? {
        policy.organizations.first { $0.name == name }
    }

    public func isStaff(_ address: String) -> Bool {
        staff.contains(Address.normalize(address))
    }

    /// True for one of our own mailbox addresses, including its plus-addresses
    /// (`soporte+OP10044@empresa.com` is still us). `extra` adds the mailbox at hand.
    public func isOwnAddress(_ address: String, extra: [String] = []) -> Bool {
        let candidates = [Address.normalize(address), Self.removingPlusDetail(address)]
        return (policy.ownAddresses + extra).contains { own in
            candidates.contains(Address.normalize(own))
        }
    }

    /// True when the address belongs to the ticket's audience: staff always; for a ticket
    /// of an organization, any address that organization authorizes (any user of
    /// the company may continue a query); for a ticket without organization, only its contact.
    public func mayAccess(_ ticket: TicketSnapshot, address: String) -> Bool {
        if isStaff(address) { return true }
        if let name = ticket.organization {
            return organization(of: address)?.organization.name == name
        }
        return Address.normalize(address) == Address.normalize(ticket.contact)
    }

    /// Local parts that announce a robot: `noreply`, `no-reply`, `no_reply`, `donotreply`,
    /// `do-not-reply`, `do_not_reply` (also as a prefix: `noreply-facturas@`), `mailer-daemon`,
    /// `postmaster`, and anything starting with `bounce` (`bounces+123@`). Case-insensitive,
    /// plus-detail ignored.
    public static func isNoReply(_ address: String) -> Bool {
        let local = Address(address: removingPlusDetail(address)).localPart
        if local == "mailer-daemon" || local == "postmaster" { return true }
        let prefixes = ["noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "bounce"]
        return prefixes.contains { local.hasPrefix($0) }
    }

    /// `soporte+OP10044@empresa.com` → `soporte@empresa.com` (normalized).
    static func removingPlusDetail(_ address: String) -> String {
        let normalized = Address.normalize(address)
        guard let at = normalized.lastIndex(of: "@"),
              let plus = normalized[..<at].firstIndex(of: "+") else { return normalized }
        return String(normalized[..<plus]) + String(normalized[at...])
    }
}
