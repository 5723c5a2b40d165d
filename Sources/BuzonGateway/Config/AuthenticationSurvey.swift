import Foundation
import BuzonMIME
import BuzonTickets
import BuzonStore
import BuzonConfig

/// Whether recent mail carries an `Authentication-Results` header from the configured
/// `trusted_authserv_id`. When most of it does not, the setting is probably wrong (a typo, the
/// server's host name instead of its authserv-id, a server that does not stamp at all), and
/// every authorized customer's mail is being held as not authentic: `buzon status` and
/// `buzon check-config` say so.
public struct AuthenticationSurvey: Sendable, Hashable {
    public var trustedAuthservID: String
    /// Recent incoming messages looked at.
    public var examined: Int
    /// Of those, how many carry no stamp from `trustedAuthservID`.
    public var unstamped: Int

    /// How many of the most recent messages are looked at.
    public static let sampleSize = 20

    /// Nil when no `trusted_authserv_id` is configured (nothing to check).
    public static func run(store: TicketStore, trustedAuthservID: String?) throws -> AuthenticationSurvey? {
        guard let trusted = trustedAuthservID?.trimmingCharacters(in: .whitespaces), !trusted.isEmpty else { return nil }
        let parser = MessageParser()
        let heads = try store.recentIncomingHeads(limit: sampleSize)
        let unstamped = heads.filter { SenderAuthenticity.trustedStamp(parser.parse($0), trustedAuthservID: trusted) == nil }.count
        return AuthenticationSurvey(trustedAuthservID: trusted, examined: heads.count, unstamped: unstamped)
    }

    /// A warning when more than half of the recent mail carries no stamp from the trusted server.
    public var warning: String? {
        guard examined > 0, unstamped * 2 > examined else { return nil }
        return "trusted_authserv_id is \"\(trustedAuthservID)\" but \(unstamped) of the last \(examined) incoming messages "
            + "carry no Authentication-Results from it, so their senders count as not authentic and are held: "
            + "the setting is probably wrong; set it to the authserv-id your receiving server writes first in "
            + "Authentication-Results (see a delivered message's headers)"
    }
}
