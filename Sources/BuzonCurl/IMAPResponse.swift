/// One complete server response, as RFC 9051 §7 / RFC 3501 §7 structure it:
/// `tag SP status`, `* data` (untagged) or `+ text` (continuation request).
enum IMAPResponse: Equatable, Sendable {
    case tagged(tag: String, IMAPStatus)
    case untagged(IMAPUntagged)
    case continuation(String)
}
