/// An attachment row; the bytes live at `TicketStore.attachmentPath(sha256:)`.
public struct AttachmentRecord: Sendable, Hashable {
    public var id: Int64
    public var messageRowID: Int64
    public var filename: String?
    public var contentType: String
    public var size: Int
    /// Lower-case hex SHA-256 of the bytes, which is also the file name on disk.
    public var sha256: String
    public var inline: Bool
    public var contentID: String?
    /// Only the start of the attachment is stored: the message exceeded the size limit and was
    /// fetched in part (the whole message stays on the mail server).
    public var truncated: Bool = false
}
