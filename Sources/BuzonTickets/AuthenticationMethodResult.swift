import Foundation
/// One `resinfo` of an Authentication-Results header: `dkim=pass header.d=andina.cl`.
public struct AuthenticationMethodResult: Sendable, Hashable {
    /// Lower-cased method without version (`dkim`, `spf`, `dmarc`, `arc`).
    public var method: String
    /// Lower-cased result (`pass`, `fail`, `none`, `softfail`, `temperror`, …).
    public var result: String
    /// The `reason=` value, unquoted.
    public var reason: String?
    /// Properties by lower-cased `ptype.property` (`header.d`, `smtp.mailfrom`), values unquoted.
    public var properties: [String: String]

    public init(method: String, result: String, reason: String? = nil, properties: [String: String] = [:]) {
        self.method = method
        self.result = result
        self.reason = reason
        self.properties = properties
    }

    /// The domain a property names: `andina.cl`, `@andina.cl` and `ana@andina.cl` all give
    /// `andina.cl` (lower-cased); nil when the property is absent or empty.
    public func domain(of property: String) -> String? {
        guard let value = properties[property] else { return nil }
        let domain = value.split(separator: "@", omittingEmptySubsequences: false).last.map(String.init) ?? value
        let trimmed = domain.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }
}
