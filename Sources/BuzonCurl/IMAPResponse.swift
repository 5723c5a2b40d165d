/// One complete server response, as RFC 9051 §7 / RFC 3501 §7 structure it:
/// `tag SP status`, `* data` (untagged) or `+ text` (continuation request).
enum IMAPResponse: Equatable, Sendable {
    case tagged(tag: String, IMAPStatus)
    case untagged(IMAPUntagged)
    case continuation(String)
}

/// `resp-cond-state` / `resp-cond-bye`: OK, NO, BAD, BYE or PREAUTH, with an optional
/// bracketed response code and human text.
struct IMAPStatus: Equatable, Sendable {
    enum Condition: String, Sendable {
        case ok = "OK", no = "NO", bad = "BAD", bye = "BYE", preauth = "PREAUTH"
    }
    var condition: Condition
    var code: IMAPResponseCode?
    var text: String

    /// `NO [TRYCREATE] …` text as a log line: `NO [TRYCREATE] Mailbox doesn't exist`.
    var summary: String {
        var parts = [condition.rawValue]
        if let code { parts.append("[\(code.name)]") }
        if !text.isEmpty { parts.append(text) }
        return parts.joined(separator: " ")
    }
}

/// The response codes Buzón acts on (RFC 3501 §7.1, RFC 5530); others keep their name.
enum IMAPResponseCode: Equatable, Sendable {
    case uidValidity(UInt32)
    case uidNext(UInt32)
    case tryCreate
    case alreadyExists
    /// RFC 5530 codes meaning "try again later": UNAVAILABLE, INUSE, LIMIT, SERVERBUG.
    case temporary(String)
    case capability(Set<String>)
    case other(String)

    var name: String {
        switch self {
        case .uidValidity(let n): "UIDVALIDITY \(n)"
        case .uidNext(let n): "UIDNEXT \(n)"
        case .tryCreate: "TRYCREATE"
        case .alreadyExists: "ALREADYEXISTS"
        case .temporary(let name): name
        case .capability: "CAPABILITY"
        case .other(let text): text
        }
    }
}

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

/// The server sent something the grammar does not allow: the connection cannot be trusted.
struct IMAPProtocolError: Error, Sendable, CustomStringConvertible {
    var message: String
    var description: String { message }
}
