import BuzonMIME
import BuzonTickets

/// One message the soak puts into the mailbox, with what the soak knows about it: where it
/// came from, what a correct desk must do with it, and the identities the accounting matches
/// it by.
struct SoakMessage {
    /// The part of the run that delivers it; doubled acknowledgements are attributed by phase.
    enum Phase: String, CaseIterable {
        case kills, outages, disk = "full disk", twoDaemons = "two daemons", poison
    }

    /// What the generator made: the accounting says for which kinds a ticket is expected.
    enum Kind: String {
        case request, reply, autoReply = "auto-reply", bounce, poison
    }

    /// `A-0042` style name used in every FAIL line, plus what the message is.
    var label: String
    var phase: Phase
    var kind: Kind
    var bytes: [UInt8]
    /// Mail a customer could have sent (everything but empty files and random bytes): must
    /// never end in the dead-letter folder.
    var isGoodMail = true
    /// An authorized customer's mail that should become a ticket; a held or rejected one is
    /// reported as a note (kept, but not what the desk should do).
    var expectsTicket: Bool
    /// Put into the mailbox already `\Seen`, as when a colleague opened it in webmail before
    /// the poll (issue #10 item 1).
    var deliveredRead = false
    /// The Message-ID as the parser reads it (nil without one), for the FAIL lines.
    let messageID: String?
    /// The gateway's ledger key for these bytes (`DedupeKey.make`, the same function the daemon runs).
    let dedupeKey: String
    /// SHA-256 of the bytes with every CR removed: what the accounting compares stored raw
    /// copies with (Dovecot serves LF-only files with CRLF line ends).
    let contentKey: String

    init(label: String, phase: Phase, kind: Kind, bytes: [UInt8], isGoodMail: Bool = true, expectsTicket: Bool) {
        self.label = label
        self.phase = phase
        self.kind = kind
        self.bytes = bytes
        self.isGoodMail = isGoodMail
        self.expectsTicket = expectsTicket
        let message = MessageParser().parse(bytes)
        messageID = message.messageID
        dedupeKey = DedupeKey.make(message: message, raw: bytes)
        contentKey = Self.contentKey(of: bytes)
    }

    /// What a FAIL line shows: the label and the Message-ID, cut to a readable length.
    var description: String {
        guard let id = messageID else { return "\(label) (no Message-ID)" }
        let shown = id.count > 60 ? String(id.prefix(57)) + "…" : id
        return "\(label) <\(shown)>"
    }

    static func contentKey(of bytes: [UInt8]) -> String {
        SHA256.hex(of: bytes.filter { $0 != 13 })
    }
}
