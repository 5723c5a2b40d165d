/// Turns the raw bytes of one e-mail into a `Message`.
///
/// Contract: never throws, never traps, never hangs, and uses memory bounded by the input
/// size and `Limits`. Whatever it cannot understand it guesses at and records in
/// `Message.diagnostics`.
public struct MessageParser: Sendable {
    public struct Limits: Sendable {
        public var maxHeaderFields = 1_000
        public var maxHeaderFieldBytes = 64 * 1024
        public var maxNestingDepth = 32
        public var maxParts = 2_000
        public init() {}
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    public func parse(_ bytes: [UInt8]) -> Message {
        // Placeholder until the parser lands (issue #2).
        Message(text: String(decoding: bytes, as: UTF8.self))
    }
}
