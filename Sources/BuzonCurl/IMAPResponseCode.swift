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
