import Foundation

/// Capped exponential backoff: `base · 2^(failures-1)`, at most `maximum`.
/// Used by the pollers (server down, wrong password) and the outbox (4xx, network).
public struct Backoff: Sendable, Hashable {
    public var base: TimeInterval
    public var maximum: TimeInterval

    public init(base: TimeInterval, maximum: TimeInterval) {
        self.base = base
        self.maximum = maximum
    }

    /// Delay before the next attempt after `failures` consecutive failures (≥ 1).
    public func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures > 0 else { return 0 }
        let exponent = min(failures - 1, 30)
        return min(base * Double(1 << exponent), maximum)
    }
}
