/// Untagged server data (`* …`).
enum IMAPUntagged: Equatable, Sendable {
    case status(IMAPStatus)
    case capability(Set<String>)
    case exists(Int)
    case expunge(Int)
    case search([UInt32])
    case fetch(sequence: Int, IMAPFetchItems)
    /// Data Buzón does not use (`FLAGS`, `LIST`, `RECENT`…): its keyword only.
    case other(String)
}
