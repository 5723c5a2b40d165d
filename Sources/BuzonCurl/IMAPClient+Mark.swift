import BuzonTransport

extension IMAPClient {
    public func mark(uid: UInt32, as action: AfterProcessing) throws(TransportError) {
        try mark(uids: [uid], as: action)
    }

    /// One command for the whole set (RFC 3501 §9 sequence-set: `3,5:9`).
    public func mark(uids: [UInt32], as action: AfterProcessing) throws(TransportError) {
        guard !uids.isEmpty else { return }
        let uid = IMAPClient.sequenceSet(uids)
        let connection = try session()
        switch action {
        case .seen:
            try store(uid, flag: "\\Seen", connection)
        case .seenFlagged:
            try store(uid, flag: "\\Seen \\Flagged", connection)
        case .delete:
            try delete(uid, connection)
        case .move(let target):
            let name: String
            do { name = try IMAPMailboxName.wire(target) } catch {
                throw .configuration(error, operation: "IMAP move to \(target)")
            }
            // RFC 6851 §3.1: MOVE is atomic; without it, COPY then delete the original.
            if useMoveExtension, connection.capabilities.contains("MOVE") {
                try runCreatingFolder("UID MOVE \(uid) \(name)", folder: name, connection)
            } else {
                try runCreatingFolder("UID COPY \(uid) \(name)", folder: name, connection)
                try delete(uid, connection)
            }
        }
    }

    /// `[3, 5, 6, 7, 9]` → `3,5:7,9`.
    static func sequenceSet(_ uids: [UInt32]) -> String {
        var parts: [String] = []
        var sorted = uids.sorted()[...]
        while let first = sorted.popFirst() {
            var last = first
            while let next = sorted.first, next == last + 1 { last = next; sorted.removeFirst() }
            parts.append(first == last ? "\(first)" : "\(first):\(last)")
        }
        return parts.joined(separator: ",")
    }

    private func store(_ uid: String, flag: String, _ connection: IMAPConnection) throws(TransportError) {
        let command = "UID STORE \(uid) +FLAGS.SILENT (\(flag))"
        try checked(try connection.run(command), command)
    }

    /// RFC 4315 §2.1: "UID EXPUNGE … permanently removes all messages that both have the
    /// \Deleted flag set and have a UID that is included in the specified sequence set".
    /// Without UIDPLUS a plain EXPUNGE also removes other messages someone flagged \Deleted.
    private func delete(_ uid: String, _ connection: IMAPConnection) throws(TransportError) {
        try store(uid, flag: "\\Deleted", connection)
        let command = connection.capabilities.contains("UIDPLUS") ? "UID EXPUNGE \(uid)" : "EXPUNGE"
        try checked(try connection.run(command), command)
    }

    /// RFC 3501 §6.4.7: when the destination does not exist the server answers
    /// `NO [TRYCREATE]`; create the folder and try once more.
    private func runCreatingFolder(_ command: String, folder: String, _ connection: IMAPConnection) throws(TransportError) {
        let reply = try connection.run(command)
        guard reply.status.condition == .no, reply.status.code == .tryCreate else {
            try checked(reply, command)
            return
        }
        let create = try connection.run("CREATE \(folder)")
        if create.status.code != .alreadyExists { try checked(create, "CREATE \(folder)") }
        try checked(try connection.run(command), command)
    }
}
