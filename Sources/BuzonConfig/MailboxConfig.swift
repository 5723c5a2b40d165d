import Foundation
import BuzonTickets
import BuzonTransport

/// One `[[mailbox]]`: an IMAP folder customers write to, and the department it feeds.
public struct MailboxConfig: Sendable {
    /// Unique name (`soporte`), used in logs, the ledger and `buzon` commands.
    public var name: String
    /// `imap[s]://host[:port]/FOLDER`; the folder defaults to `INBOX`.
    public var url: ServerURL
    public var username: String?
    /// Set at most one of `password` and `xoauth2Token`.
    public var password: Secret?
    /// A file holding a current OAuth 2 access token (refreshed by something else); read at each login.
    public var xoauth2Token: Secret?
    /// The address customers write to, normalized (`soporte@empresa.com`).
    public var address: String
    /// Department tickets from this mailbox belong to (`Soporte`).
    public var department: String
    public var pollSeconds: Int
    /// What happens to a message on the server after its ticket committed.
    public var after: AfterProcessing
    /// Overrides `[gateway] unknown_sender` for this mailbox.
    public var unknownSender: UnknownSenderPolicy?
    /// PEM bundle to verify the server with, instead of the system's.
    public var caFile: String?
    /// Refuse to log in without TLS (implicit or STARTTLS). Default: true unless the host is loopback.
    public var requireTLS: Bool
    /// At most this many messages fetched and committed together.
    public var batchSize: Int
    /// A batch stops growing at this many bytes (a larger message is a batch alone): memory
    /// follows the bytes in hand, not the message count.
    public var batchBytes: Int
    /// Where a message over `maxMessageBytes` goes with `after = move/delete` (never expunged).
    public var oversizedFolder: String
    /// Messages larger than this are not fetched whole (the gateway's value unless overridden).
    public var maxMessageBytes: Int
    /// Line of the `[[mailbox]]` header, for later cross-checks.
    public var line: Int

    static let keys = [
        "name", "url", "username", "password_file", "password_env", "password", "xoauth2_token_file",
        "address", "department", "poll_seconds", "after", "unknown_sender", "ca_file", "require_tls",
        "batch_size", "max_message_bytes", "batch_bytes", "oversized_folder",
    ]

    init(section: ConfigSection, defaultMaxMessageBytes: Int) throws(ConfigError) {
        name = try section.required(section.text("name"), "name", example: "\"soporte\"")
        url = try section.required(section.serverURL("url", schemes: ServerURL.imapSchemes), "url", example: "\"imaps://mail.empresa.com/INBOX\"")
        if url.path.isEmpty {
            url.path = "INBOX"
        }
        username = try section.text("username")
        password = try section.secret("password")
        xoauth2Token = try section.secret("xoauth2_token")
        if password != nil, xoauth2Token != nil {
            throw section.error("set either a password or xoauth2_token_file for mailbox \"\(name)\", not both", key: "xoauth2_token_file")
        }
        address = try section.required(section.address("address"), "address", example: "\"soporte@empresa.com\"")
        department = try section.required(section.text("department"), "department", example: "\"Soporte\"")
        pollSeconds = try section.integer("poll_seconds", in: 1...86_400) ?? 60
        after = try Self.after(section)
        unknownSender = try section.choice("unknown_sender", among: UnknownSenderPolicy.allCases.map(\.rawValue))
            .flatMap(UnknownSenderPolicy.init(rawValue:))
        caFile = try section.path("ca_file")
        requireTLS = try section.boolean("require_tls") ?? !url.isLoopback
        batchSize = try section.integer("batch_size", in: 1...10_000) ?? 50
        maxMessageBytes = try section.integer("max_message_bytes", in: GatewayConfig.maxMessageBytesRange) ?? defaultMaxMessageBytes
        batchBytes = try section.integer("batch_bytes", in: 1...Int(Int32.max)) ?? 8_388_608
        oversizedFolder = try section.text("oversized_folder") ?? "Buzon-Oversized"
        line = section.headerLine ?? 0
    }

    /// `"seen"`, `"delete"` or `"move:Folder"`.
    private static func after(_ section: ConfigSection) throws(ConfigError) -> AfterProcessing {
        guard let text = try section.string("after") else { return .seen }
        switch text {
        case "seen":
            return .seen
        case "delete":
            return .delete
        case _ where text.hasPrefix("move:"):
            let folder = text.dropFirst("move:".count).trimmingCharacters(in: .whitespaces)
            guard !folder.isEmpty else {
                throw section.error("\"after\": name the folder to move processed mail to, like \"move:Procesados\"", key: "after")
            }
            return .move(folder: folder)
        default:
            throw section.error("\"after\" must be \"seen\", \"delete\" or \"move:Folder\", found \"\(text)\"", key: "after")
        }
    }
}
