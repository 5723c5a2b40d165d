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
