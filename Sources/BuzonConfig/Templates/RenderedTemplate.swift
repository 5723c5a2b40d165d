/// A template filled in: a one-line subject and a body with LF line ends, ending with one LF.
/// The outgoing message builder encodes the subject and converts line ends to CRLF.
public struct RenderedTemplate: Sendable, Hashable {
    public var subject: String
    public var body: String

    public init(subject: String, body: String) {
        self.subject = subject
        self.body = body
    }

    /// `Subject: …`, a blank line and the body, as `buzon templates render` prints it.
    public var text: String {
        "Subject: \(subject)\n\n\(body)"
    }
}
