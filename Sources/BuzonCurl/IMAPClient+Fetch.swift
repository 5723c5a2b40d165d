import BuzonTransport

extension IMAPClient {
    /// Two pipelined rounds: sizes first (`RFC822.SIZE`), then whole bodies in batches and a
    /// partial `BODY.PEEK[]<0.maxBytes>` for each message over the limit. UIDs the server no
    /// longer has (expunged meanwhile) are left out of the result.
    public func fetch(uids: [UInt32], maxBytes: Int) throws(TransportError) -> [FetchedMessage] {
        guard !uids.isEmpty else { return [] }
        let connection = try session()
        let sizes = try fetchSizes(Array(Set(uids)).sorted(), connection)
        let present = uids.filter { sizes[$0] != nil }
        let small = Array(Set(present.filter { sizes[$0]! <= maxBytes })).sorted()
        let large = Array(Set(present.filter { sizes[$0]! > maxBytes })).sorted()
        let limit = max(0, maxBytes)
        var commands = Self.batches(small, configuration.fetchBatchSize).map {
            "UID FETCH \(Self.uidSet($0)) (UID RFC822.SIZE BODY.PEEK[])"
        }
        commands += large.map { "UID FETCH \($0) (UID RFC822.SIZE BODY.PEEK[]<0.\(limit)>)" }
        var bodies: [UInt32: FetchedMessage] = [:]
        for (reply, command) in zip(try connection.pipeline(commands), commands) {
            try checked(reply, command)
            for case .fetch(_, let items) in reply.data {
                // Unsolicited FETCH (flag changes by another session) has no body: skip it.
                guard let uid = items.uid, let body = items.body else { continue }
                bodies[uid] = try message(uid: uid, items: items, body: body, limit: limit, sizes: sizes)
            }
        }
        return present.compactMap { bodies[$0] }
    }

    private func message(uid: UInt32, items: IMAPFetchItems, body: [UInt8], limit: Int,
                         sizes: [UInt32: Int]) throws(TransportError) -> FetchedMessage {
        let size = items.size ?? sizes[uid] ?? body.count
        let truncated = (items.bodyOrigin != nil) && size > limit
        // A whole body must have exactly RFC822.SIZE octets; anything else means we lost sync.
        if !truncated, body.count != size {
            throw TransportError(.protocolViolation, operation: "IMAP UID FETCH \(uid)",
                                 message: "the body has \(body.count) bytes but RFC822.SIZE says \(size)")
        }
        return FetchedMessage(uid: uid, size: size, bytes: body, truncated: truncated)
    }

    public func sizes(uids: [UInt32]) throws(TransportError) -> [UInt32: Int] {
        guard !uids.isEmpty else { return [:] }
        return try fetchSizes(Array(Set(uids)).sorted(), try session())
    }

    private func fetchSizes(_ uids: [UInt32], _ connection: IMAPConnection) throws(TransportError) -> [UInt32: Int] {
        let commands = Self.batches(uids, 500).map { "UID FETCH \(Self.uidSet($0)) (UID RFC822.SIZE)" }
        var sizes: [UInt32: Int] = [:]
        for (reply, command) in zip(try connection.pipeline(commands), commands) {
            try checked(reply, command)
            for case .fetch(_, let items) in reply.data {
                if let uid = items.uid, let size = items.size { sizes[uid] = size }
            }
        }
        return sizes
    }

    static func batches(_ uids: [UInt32], _ size: Int) -> [[UInt32]] {
        stride(from: 0, to: uids.count, by: size).map { Array(uids[$0 ..< min($0 + size, uids.count)]) }
    }

    /// RFC 3501 `sequence-set`: ascending UIDs as ranges, `3:7,9,12:13`.
    static func uidSet(_ sorted: [UInt32]) -> String {
        var parts: [String] = []
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index]):\(sorted[end])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }
}
