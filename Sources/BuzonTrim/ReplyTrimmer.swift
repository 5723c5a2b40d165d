import BuzonMIME

/// Finds what the sender newly wrote in a reply. (Placeholder until issue #2's trimmer lands.)
public struct ReplyTrimmer: Sendable {
    public init() {}
}
