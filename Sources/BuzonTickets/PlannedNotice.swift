import BuzonMIME

/// An automatic message the gateway must queue in the same transaction as the decision.
public struct PlannedNotice: Sendable, Hashable {
    public var kind: NoticeKind
    public var to: Address

    public init(kind: NoticeKind, to: Address) {
        self.kind = kind
        self.to = to
    }
}
