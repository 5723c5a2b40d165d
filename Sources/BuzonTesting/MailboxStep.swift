/// The steps of `MailboxClient` where a fault can be injected.
public enum MailboxStep: String, Sendable, Hashable, CaseIterable {
    case open, search, fetch, mark
}
