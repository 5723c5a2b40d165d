import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who an outbox sender is in `outbox.claimed_by`, and whether the holder of a claim is known
/// to be dead.
///
/// Why: a claim is a lease (ten minutes by default), so that a sender on another machine that
/// dies holding notices leaves them to the others in the end. But a daemon SIGKILLed on this
/// machine would make the customers whose acknowledgements it had claimed wait the whole lease.
/// On one machine we can know better, and with SQLite (a local file) every sender is on one
/// machine: the claimant names its host, the kernel's boot id, its process id and that
/// process's start time (field 22 of `/proc/PID/stat`, clock ticks since boot). A sender on the
/// same host and boot that finds the pid gone, or held by a process started at another time
/// (the pid was reused), knows the holder is dead and takes its claims back at once. Claims of
/// other hosts or boots, and claims in a form it cannot read, are left to their lease.
struct OutboxClaimant: Hashable, Sendable {
    var host: String
    var bootID: String
    var pid: Int32
    var startTicks: UInt64
    /// Tells apart two senders of one process (a daemon's and a `deliver --send`'s never meet,
    /// but tests run several in one process).
    var nonce: String

    /// `host/boot/pid/start/nonce`: `/` never occurs in a host name or a boot id.
    var text: String { "\(host)/\(bootID)/\(pid)/\(startTicks)/\(nonce)" }

    /// This process, with a fresh nonce.
    static func current() -> OutboxClaimant {
        let pid = getpid()
        return OutboxClaimant(host: ProcessInfo.processInfo.hostName, bootID: bootID() ?? "?", pid: pid,
                              startTicks: startTicks(of: pid) ?? 0, nonce: String(UUID().uuidString.prefix(8)))
    }

    init(host: String, bootID: String, pid: Int32, startTicks: UInt64, nonce: String) {
        self.host = host
        self.bootID = bootID
        self.pid = pid
        self.startTicks = startTicks
        self.nonce = nonce
    }

    /// Reads `text`; nil for anything else (an older form, another tool's): such claims wait
    /// for their lease.
    init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 5, let pid = Int32(parts[2]), pid > 0, let start = UInt64(parts[3]) else { return nil }
        self.init(host: String(parts[0]), bootID: String(parts[1]), pid: pid, startTicks: start, nonce: String(parts[4]))
    }

    /// True only when this claimant certainly no longer runs: it ran on this host since the
    /// current boot, and its pid is gone or now belongs to a process started at another time.
    /// A claim of this very process is never dead, whatever its nonce.
    func isKnownDead(seenFrom here: OutboxClaimant) -> Bool {
        guard host == here.host, bootID == here.bootID, bootID != "?", startTicks != 0 else { return false }
        if pid == here.pid { return startTicks != here.startTicks }
        guard let running = Self.startTicks(of: pid) else { return true }
        return running != startTicks
    }

    /// The kernel's id of this boot (a pid and a start time only mean something within one).
    static func bootID() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8) else { return nil }
        let id = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return id.isEmpty ? nil : id
    }

    /// When process `pid` started, in clock ticks since boot; nil when there is no such process.
    /// proc(5): the command name (field 2) is in parentheses and may hold spaces and `)`, so the
    /// fields are counted after the last `)`: the state is field 3 and the start time field 22.
    static func startTicks(of pid: Int32) -> UInt64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }
}
