/// A held message with its row id. `message.raw` is empty in listings and filled by `heldMessage(id:)`.
public struct HeldEntry: Sendable, Hashable {
    public var id: Int64
    public var message: HeldMessage
}
