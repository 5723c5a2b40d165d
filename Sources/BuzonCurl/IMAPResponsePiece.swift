/// A response as it arrived: line text (CRLF and `{n}` removed) alternating with literals.
enum IMAPResponsePiece: Equatable, Sendable {
    case text([UInt8])
    case literal([UInt8])
}
