/// Whether the desk received a message or sent it.
public enum MessageDirection: String, Sendable, Codable, CaseIterable {
    case incoming = "in"
    case outgoing = "out"
}
