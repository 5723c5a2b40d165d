import BuzonMIME

/// A notice the rules wanted to send and the loop guard (or a forged sender) stopped.
public struct SuppressedNotice: Sendable, Hashable {
    public var kind: NoticeKind
    public var to: Address
    /// `Auto-Submitted: auto-replied`, `rate limit: 5 automatic messages …`, …
    public var reason: String

    public init(kind: NoticeKind, to: Address, reason: String) {
        self.kind = kind
        self.to = to
        self.reason = reason
    }
}
