/// Which organization authorizes an address, and through which entry of its list.
public struct OrganizationMatch: Sendable, Hashable {
    public var organization: Organization
    /// The entry that matched: the exact address (`ana@andina.cl`) or the domain (`@andina.cl`).
    public var entry: String

    public init(organization: Organization, entry: String) {
        self.organization = organization
        self.entry = entry
    }

    /// True when a whole domain matched rather than the exact address.
    public var isDomainEntry: Bool { entry.hasPrefix("@") }
}
