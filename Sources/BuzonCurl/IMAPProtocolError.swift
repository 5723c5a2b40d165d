/// The server sent something the grammar does not allow: the connection cannot be trusted.
struct IMAPProtocolError: Error, Sendable, CustomStringConvertible {
    var message: String
    var description: String { message }
}
