import Foundation
import BuzonTransport

/// In-memory `MailboxClient` for the gateway's unit tests: behaves like one IMAP folder
/// (ascending UIDs, `\Seen`/`\Deleted`, folders for moves, UIDVALIDITY), records every call,
/// and throws an injected `TransportError` at any step. Thread-safe (one lock).
///
/// Like the real client: `fetch` never changes flags; UIDs that no longer exist are left out;
/// marking an unknown UID is a silent no-op (IMAP `UID STORE` on a missing UID is `OK`);
/// a `.network` fault closes the "connection" (the next call reopens implicitly).
public final class MemoryMailbox: MailboxClient, @unchecked Sendable {
    public struct Message: Sendable, Hashable {
        public var uid: UInt32
        public var bytes: [UInt8]
        public var seen: Bool
        public var flagged = false
    }

    // State below is guarded by `lock` (the client methods live in MemoryMailbox+Client.swift).
    let lock = NSLock()
    var folders: [String: [Message]] = [:]
    var nextUID: [String: UInt32] = [:]
    var validity: UInt32
    var faults = TransportFaults<MailboxStep>()
    var recorded: [MailboxCall] = []
    var applied: [(uid: UInt32, action: AfterProcessing)] = []
    var connected = false
    public let folder: String

    public init(folder: String = "INBOX", uidValidity: UInt32 = 1) {
        self.folder = folder
        validity = uidValidity
    }

    // MARK: Test controls

    /// Adds a message to a folder (default: this mailbox's folder); returns its UID.
    @discardableResult
    public func append(_ bytes: [UInt8], seen: Bool = false, to target: String? = nil) -> UInt32 {
        lock.withLock {
            let name = target ?? folder
            let uid = nextUID[name, default: 1]
            nextUID[name] = uid + 1
            folders[name, default: []].append(Message(uid: uid, bytes: bytes, seen: seen))
            return uid
        }
    }

    /// Simulates the folder being recreated: a new UIDVALIDITY and, when `renumber`, new UIDs
    /// from 1 for the same messages (what a client must never confuse with the old ones).
    public func changeUIDValidity(to value: UInt32, renumber: Bool = true) {
        lock.withLock {
            validity = value
            guard renumber else { return }
            var messages = folders[folder, default: []]
            for index in messages.indices { messages[index].uid = UInt32(index + 1) }
            folders[folder] = messages
            nextUID[folder] = UInt32(messages.count + 1)
        }
    }

    /// Someone else expunged this message.
    public func expunge(uid: UInt32) {
        lock.withLock { folders[folder]?.removeAll { $0.uid == uid } }
    }

    public func failNext(_ step: MailboxStep, with error: TransportError, times: Int = 1) {
        lock.withLock { faults.failNext(step, with: error, times: times) }
    }

    /// Every call of `step` fails with `error` until `clearFaults()` (or `failAlways(step, with: nil)`).
    public func failAlways(_ step: MailboxStep, with error: TransportError?) {
        lock.withLock { faults.failAlways(step, with: error) }
    }

    public func clearFaults() { lock.withLock { faults.clear() } }

    // MARK: Inspection

    public var calls: [MailboxCall] { lock.withLock { recorded } }

    /// The `mark` calls that succeeded, in order.
    public var marks: [(uid: UInt32, action: AfterProcessing)] { lock.withLock { applied } }

    public func messages(in name: String? = nil) -> [Message] {
        lock.withLock { folders[name ?? folder, default: []] }
    }

    public var isOpen: Bool { lock.withLock { connected } }
    public var uidValidity: UInt32 { lock.withLock { validity } }
}
