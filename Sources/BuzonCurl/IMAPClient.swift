import BuzonTransport

/// `MailboxClient` over libcurl: one connection to one folder, reconnecting on the next
/// `open()` after a network failure. Not thread-safe: one poller thread owns one client.
///
/// Contract (from `MailboxClient`): reading uses `BODY.PEEK[]` and never sets `\Seen`; only
/// `mark` changes server state.
public final class IMAPClient: MailboxClient {
    public let configuration: IMAPConfiguration
    let server: ServerURL
    /// The folder from the URL path (`INBOX` when empty), as it goes on the wire.
    let folder: String
    var connection: IMAPConnection?
    /// UIDVALIDITY reported by the last `open()`: UIDs the caller holds refer to it.
    var openedValidity: UInt32?
    /// Tests turn this off to exercise the COPY + STORE + EXPUNGE path on a server with MOVE.
    var useMoveExtension = true

    /// Throws `.configuration` for a URL whose scheme is not `imap`/`imaps` or whose folder
    /// cannot be written on the wire, and when there is no password or token.
    public init(_ configuration: IMAPConfiguration) throws(TransportError) {
        self.configuration = configuration
        let operation = "IMAP configuration"
        server = configuration.url
        guard ServerURL.imapSchemes.contains(server.scheme) else {
            throw TransportError(.configuration, operation: operation,
                                 message: "URL scheme \(server.scheme) is not one of \(ServerURL.imapSchemes.joined(separator: ", "))")
        }
        do {
            folder = try IMAPMailboxName.wire(server.path.isEmpty ? "INBOX" : server.path)
        } catch {
            throw .configuration(error, operation: operation)
        }
        if configuration.password == nil, configuration.bearerToken == nil {
            throw TransportError(.configuration, operation: operation,
                                 message: "no password or bearer token for \(configuration.username)")
        }
    }

    public func open() throws(TransportError) -> MailboxStatus {
        var status: MailboxStatus
        if connection != nil {
            do {
                status = try select()
            } catch where error.kind == .network {
                // A connection idle since the last poll may have been dropped by the server:
                // one fresh attempt, so a restarted server is picked up at once.
                close()
                status = try select()
            }
        } else {
            status = try select()
        }
        openedValidity = status.uidValidity
        return status
    }

    public func search(afterUID: UInt32, unseenOnly: Bool) throws(TransportError) -> [UInt32] {
        guard afterUID < UInt32.max else { return [] }
        // RFC 3501 §6.4.8: "a UID range of 559:* always includes the UID of the last message
        // in the mailbox, even if 559 is higher than any assigned UID value" — filter it out.
        let command = "UID SEARCH UID \(afterUID + 1):* NOT DELETED" + (unseenOnly ? " UNSEEN" : "")
        let reply = try checked(try session().run(command), command)
        var uids: [UInt32] = []
        for case .search(let found) in reply.data { uids += found }
        return Array(Set(uids.filter { $0 > afterUID })).sorted()
    }

    public func close() {
        connection = nil
    }

    // MARK: Session

    /// The live connection, reconnecting (and re-selecting) when there is none.
    ///
    /// RFC 3501 §2.3.1.1: UIDs are only meaningful with their UIDVALIDITY. When a silent
    /// reconnect finds a different UIDVALIDITY, the caller's UIDs may name other messages:
    /// refuse (temporary, so the caller retries and its `open()` sees the new value).
    func session() throws(TransportError) -> IMAPConnection {
        if let connection, !connection.broken { return connection }
        let status = try select()
        if let expected = openedValidity, status.uidValidity != expected {
            throw TransportError(.temporaryRejection, operation: "IMAP reconnect to \(server.path.isEmpty ? "INBOX" : server.path)",
                                 message: "UIDVALIDITY changed from \(expected) to \(status.uidValidity); call open() and rescan")
        }
        return connection!
    }

    private func select() throws(TransportError) -> MailboxStatus {
        if connection?.broken ?? true {
            connection = nil
            connection = try IMAPConnection(configuration: configuration, server: server)
        }
        let command = "SELECT \(folder)"
        let reply = try checked(try connection!.run(command), command)
        return try Self.status(from: reply, operation: "IMAP SELECT \(server.path)")
    }

    static func status(from reply: IMAPConnection.Reply, operation: String) throws(TransportError) -> MailboxStatus {
        var validity: UInt32?
        var next: UInt32 = 0
        var exists = 0
        for item in reply.data {
            switch item {
            case .exists(let count): exists = count
            case .status(let status):
                if case .uidValidity(let n) = status.code { validity = n }
                if case .uidNext(let n) = status.code { next = n }
            default: break
            }
        }
        guard let validity else {
            throw TransportError(.protocolViolation, operation: operation, message: "SELECT gave no UIDVALIDITY")
        }
        return MailboxStatus(uidValidity: validity, uidNext: next, messageCount: exists)
    }

    /// Turns a NO or BAD completion into an error; the connection stays usable.
    @discardableResult
    func checked(_ reply: IMAPConnection.Reply, _ command: String) throws(TransportError) -> IMAPConnection.Reply {
        let status = reply.status
        guard status.condition != .ok else { return reply }
        let kind: TransportError.Kind
        if case .temporary = status.code { kind = .temporaryRejection } else { kind = .permanentRejection }
        throw TransportError(kind, operation: "IMAP \(IMAPConnection.verb(command)) in \(server.path.isEmpty ? "INBOX" : server.path)",
                             message: status.summary)
    }
}
