/// Who the sender is to the desk, after the authenticity check.
enum SenderIdentity: Sendable {
    case staff
    case member(OrganizationMatch)
    /// No organization authorizes the address, or its authenticity failed (`notAuthentic`
    /// holds why: notices to it are never sent, the From line may be forged).
    case unknown(notAuthentic: String?)

    var organization: Organization? {
        if case .member(let match) = self { return match.organization }
        return nil
    }

    var notAuthenticReason: String? {
        if case .unknown(let reason) = self { return reason }
        return nil
    }
}
