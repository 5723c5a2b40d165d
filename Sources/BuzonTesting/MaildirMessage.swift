import Foundation

/// One message file in a Maildir. Its name carries the IMAP flags after `:2,`
/// (S = \Seen, T = \Deleted, R = \Answered, F = \Flagged, D = \Draft).
public struct MaildirMessage: Sendable, Hashable {
    public var path: String
    /// Still in `new/`: no IMAP session has seen it yet.
    public var isNew: Bool

    public var flags: Set<Character> {
        guard let range = path.split(separator: "/").last?.firstRange(of: ":2,") else { return [] }
        let name = path.split(separator: "/").last!
        return Set(name[range.upperBound...])
    }

    public var isSeen: Bool { flags.contains("S") }
    public var isDeleted: Bool { flags.contains("T") }

    public func bytes() throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
