import BuzonMIME
import Foundation

/// Whether the From domain of a message was verified by OUR receiving server.
///
/// Rules (checked only when `DeskPolicy.trustedAuthservID` is set):
/// - Only `Authentication-Results` headers whose authserv-id equals the trusted one count
///   (case-insensitive); any other can be written by the sender. Of those, the TOP-most one
///   counts: each hop prepends, so the first is the one our server added last.
/// - `dmarc=pass` → authentic; `dmarc=fail` → not authentic.
/// - Any other or no DMARC result: authentic when `dkim=pass` with `header.d` aligned to the
///   From domain, or `spf=pass` with the `smtp.mailfrom` domain aligned. Alignment is
///   relaxed (RFC 7489 §3.1) approximated without the public-suffix list: equal domains, or
///   one a subdomain of the other, provided the shorter has at least two labels (so `cl`
///   never aligns with `andina.cl`). Weak spot: `co.uk`-style suffixes are not recognized.
/// - No trusted header at all → not authentic.
/// Without a trusted authserv-id every sender is `.unchecked` (the caller warns once).
public enum SenderAuthenticity: Sendable, Hashable {
    /// Nothing was checked: no `trusted_authserv_id` configured.
    case unchecked
    /// Verified; the text says by what (`dmarc=pass`, `dkim=pass header.d=andina.cl`).
    case authentic(String)
    /// Not verified; the text says why, for the trail and the ledger.
    case notAuthentic(String)

    public var isAuthentic: Bool {
        if case .notAuthentic = self { return false }
        return true
    }

    public static func evaluate(_ message: Message, trustedAuthservID: String?) -> SenderAuthenticity {
        guard let trusted = trustedAuthservID?.trimmingCharacters(in: .whitespaces), !trusted.isEmpty else {
            return .unchecked
        }
        guard let ours = trustedStamp(message, trustedAuthservID: trusted) else {
            return .notAuthentic("no Authentication-Results from \(trusted)")
        }
        guard let fromDomain = message.from?.domain, !fromDomain.isEmpty else {
            return .notAuthentic("no From domain to verify")
        }
        return verdict(ours, fromDomain: fromDomain)
    }

    /// The top-most `Authentication-Results` whose authserv-id is `trusted` (case-insensitive),
    /// if any. `buzon status` and `check-config` count mail without one: when most recent mail
    /// lacks it, `trusted_authserv_id` is probably not what the server stamps.
    public static func trustedStamp(_ message: Message, trustedAuthservID trusted: String) -> AuthenticationResults? {
        message.headers.values("Authentication-Results").lazy.compactMap(AuthenticationResults.parse)
            .first { $0.authservID.caseInsensitiveEquals(trusted) }
    }

    static func verdict(_ stamp: AuthenticationResults, fromDomain: String) -> SenderAuthenticity {
        if let dmarc = stamp.result(for: "dmarc") {
            if dmarc.result == "pass" { return .authentic("dmarc=pass") }
            if dmarc.result == "fail" { return .notAuthentic("dmarc=fail for \(fromDomain)") }
        }
        for dkim in stamp.results(for: "dkim") where dkim.result == "pass" {
            if let domain = dkim.domain(of: "header.d") ?? dkim.domain(of: "header.i"),
               aligned(domain, fromDomain) {
                return .authentic("dkim=pass header.d=\(domain)")
            }
        }
        for spf in stamp.results(for: "spf") where spf.result == "pass" {
            if let domain = spf.domain(of: "smtp.mailfrom"), aligned(domain, fromDomain) {
                return .authentic("spf=pass smtp.mailfrom=\(domain)")
            }
        }
        return .notAuthentic("no aligned dkim=pass or spf=pass for \(fromDomain) from \(stamp.authservID)")
    }

    // RFC 7489 §3.1.1: "In relaxed mode, the Organizational Domains of both the
    // [DKIM]-authenticated signing domain (taken from the value of the "d=" tag in the
    // signature) and that of the RFC5322.From domain must be equal if the identifiers are to
    // be considered aligned." (§3.1.2 says the same of the SPF-authenticated domain.)
    /// Relaxed alignment, approximated without the public-suffix list: see the type's contract.
    static func aligned(_ a: String, _ b: String) -> Bool {
        let a = a.lowercased(), b = b.lowercased()
        if a == b { return true }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        return short.contains(".") && long.hasSuffix("." + short)
    }
}
