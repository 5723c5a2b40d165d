/// A kept message with its row id. `message.raw` is empty in listings and filled by `keptMessage(id:)`.
public struct KeptEntry: Sendable, Hashable {
    public var id: Int64
    public var message: KeptMessage
}
