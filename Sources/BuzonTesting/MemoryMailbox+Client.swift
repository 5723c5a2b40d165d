import BuzonTransport

extension MemoryMailbox {
    public func open() throws(TransportError) -> MailboxStatus {
        try step(.open, .open)
        return lock.withLock {
            connected = true
            return MailboxStatus(uidValidity: validity, uidNext: nextUID[folder, default: 1],
                                 messageCount: folders[folder, default: []].count)
        }
    }

    public func search(afterUID: UInt32, unseenOnly: Bool) throws(TransportError) -> [UInt32] {
        try step(.search, .search(afterUID: afterUID, unseenOnly: unseenOnly))
        return lock.withLock {
            folders[folder, default: []].filter { $0.uid > afterUID && !(unseenOnly && $0.seen) }.map(\.uid).sorted()
        }
    }

    public func sizes(uids: [UInt32]) throws(TransportError) -> [UInt32: Int] {
        let messages = lock.withLock { folders[folder, default: []] }
        var sizes: [UInt32: Int] = [:]
        for message in messages where uids.contains(message.uid) { sizes[message.uid] = message.bytes.count }
        return sizes
    }

    public func fetch(uids: [UInt32], maxBytes: Int) throws(TransportError) -> [FetchedMessage] {
        try step(.fetch, .fetch(uids: uids, maxBytes: maxBytes))
        let messages = lock.withLock { folders[folder, default: []] }
        return uids.compactMap { uid in
            guard let message = messages.first(where: { $0.uid == uid }) else { return nil }
            let truncated = message.bytes.count > maxBytes
            return FetchedMessage(uid: uid, size: message.bytes.count,
                                  bytes: truncated ? Array(message.bytes.prefix(max(0, maxBytes))) : message.bytes,
                                  truncated: truncated)
        }
    }

    public func mark(uid: UInt32, as action: AfterProcessing) throws(TransportError) {
        try step(.mark, .mark(uid: uid, action: action))
        lock.withLock {
            applied.append((uid, action))
            guard let index = folders[folder, default: []].firstIndex(where: { $0.uid == uid }) else { return }
            switch action {
            case .seen:
                folders[folder]![index].seen = true
            case .seenFlagged:
                folders[folder]![index].seen = true
                folders[folder]![index].flagged = true
            case .delete:
                folders[folder]!.remove(at: index)
            case .move(let target):
                var message = folders[folder]!.remove(at: index)
                message.uid = nextUID[target, default: 1]
                nextUID[target] = message.uid + 1
                folders[target, default: []].append(message)
            }
        }
    }

    public func close() {
        lock.withLock {
            connected = false
            recorded.append(.close)
        }
    }

    /// Records the call, then throws the injected fault for this step if there is one.
    private func step(_ step: MailboxStep, _ call: MailboxCall) throws(TransportError) {
        let fault = lock.withLock { () -> TransportError? in
            recorded.append(call)
            let fault = faults.take(step)
            if fault?.kind == .network { connected = false }
            return fault
        }
        if let fault { throw fault }
    }
}
