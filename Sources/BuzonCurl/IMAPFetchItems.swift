/// The parts of a `FETCH` response Buzón asks for. Message bytes come only from an IMAP
/// string (a literal `{n}` of exactly n bytes, or a quoted string), never from line text.
struct IMAPFetchItems: Equatable, Sendable {
    var uid: UInt32?
    var size: Int?
    var body: [UInt8]?
    /// `BODY[]<origin>` for a partial fetch.
    var bodyOrigin: Int?
    var flags: [String]?
}
