/// Where an outgoing message stands: `queued` until sent, `failed` after a permanent error or too many tries.
public enum OutboxStatus: String, Sendable, Codable, CaseIterable {
    case queued
    case sent
    case failed
}
