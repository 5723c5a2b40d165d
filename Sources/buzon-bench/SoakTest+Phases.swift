import Foundation
import BuzonTesting
#if canImport(Glibc)
import Glibc
#endif

/// The five phases. Mail goes into the Maildir the way an MTA delivers it (also while the IMAP
/// server is down); each phase ends when `settle` sees all its mail recorded and the outbox
/// drained, or sees the daemon poll on without progress.
extension SoakTest {
    /// Runs one phase; returns what it injected, for the report.
    func run(_ phase: SoakMessage.Phase) throws -> String {
        let mail = corpus.messages(in: phase)
        deadLettersBeforePhase = try ledger.deadLetterCount()
        switch phase {
        case .kills: return try killPhase(mail)
        case .outages: return try outagePhase(mail)
        case .disk: return try diskPhase(mail)
        case .twoDaemons: return try twoDaemonPhase(mail)
        case .poison: return try poisonPhase(mail)
        }
    }

    /// The mail in `kills + 1` deliveries; after each but the last, a random pause and a SIGKILL.
    private func killPhase(_ mail: [SoakMessage]) throws -> String {
        let parts = options.kills + 1
        var delivered: [SoakMessage] = []
        for index in 0..<parts {
            let part = Array(mail[mail.count * index / parts..<mail.count * (index + 1) / parts])
            try deliver(part)
            delivered += part
            guard index < options.kills else { break }
            try randomPause(0.05, 0.6)
            let midDrain = try !isSettled(delivered)
            killDaemon()
            if midDrain { killsMidDrain += 1 }
            try mark("SIGKILL \(index + 1)")
            try startDaemon()
        }
        try settle(mail)
        return "\(options.kills) SIGKILLs (\(killsMidDrain) mid-drain)"
    }

    /// Dovecot crashes (whole process tree) twice and the SMTP server stops for 3 s while the
    /// phase's mail drains; half of the mail arrives while IMAP is down.
    private func outagePhase(_ mail: [SoakMessage]) throws -> String {
        try deliver(Array(mail[..<(mail.count / 2)]))
        try randomPause(0.1, 0.5)
        let killed = faults.crashIMAP()
        try pause(2)
        try deliver(Array(mail[(mail.count / 2)...]))
        try faults.restartIMAP()
        try randomPause(0.2, 0.8)
        faults.stopSMTP()
        try mark("SMTP outage")
        try pause(3)
        try faults.restartSMTP()
        try randomPause(0.2, 0.8)
        let killedAgain = faults.crashIMAP()
        try pause(1)
        try faults.restartIMAP()
        try settle(mail)
        return "IMAP crashed twice (\(killed) and \(killedAgain) processes killed), SMTP down 3 s"
    }

    /// Half the mail arrives while the attachments directory is full (ENOSPC), half while it is
    /// read-only (EROFS); each state lasts 6 s (several polls), then the directory is usable again.
    private func diskPhase(_ mail: [SoakMessage]) throws -> String {
        guard faults.mounted else {
            try deliver(mail)
            try settle(mail)
            return "none (needs root)"
        }
        try faults.fillAttachments()
        try deliver(Array(mail[..<(mail.count / 2)]))
        try pause(6)
        try faults.freeAttachments()
        try faults.setAttachmentsReadOnly(true)
        try deliver(Array(mail[(mail.count / 2)...]))
        try pause(6)
        try faults.setAttachmentsReadOnly(false)
        try settle(mail)
        return "attachments dir full 6 s (ENOSPC), read-only 6 s (EROFS)"
    }

    /// A second `buzon run` on the same configuration and database while the phase's mail drains.
    private func twoDaemonPhase(_ mail: [SoakMessage]) throws -> String {
        let otherLog = workDirectory + "/daemon-2.log"
        let other = try SoakDaemon(name: "second daemon", binary: options.buzon,
                                   configPath: workDirectory + "/buzon.toml", logPath: otherLog)
        second = other
        try pause(0.5)
        let begin = try ledger.receivedCount()
        try deliver(mail)
        try settle(mail)
        if other.isRunning {
            other.stop()
        } else {
            notes.append("two daemons: the second daemon exited with status \(other.terminationStatus) while the first ran"
                         + " (refused to poll beside it?); see \(otherLog)")
        }
        peakResidentBytes = max(peakResidentBytes, other.peakResidentBytes)
        second = nil
        twoDaemonWindow = begin..<max(begin, try ledger.receivedCount())
        return "two daemons on one database"
    }

    private func poisonPhase(_ mail: [SoakMessage]) throws -> String {
        for message in mail {
            if message.deliveredRead { try deliverRead(message) } else { try deliver([message]) }
        }
        try settle(mail)
        return "\(mail.count) poison messages"
    }

    // MARK: Delivery and waiting

    func deliver(_ messages: [SoakMessage]) throws {
        for message in messages { try servers.deliver(message.bytes, to: Self.user) }
    }

    /// Delivers, then flags the file `\Seen` in the Maildir, as another IMAP client would.
    /// When the daemon polls in between, the scenario simply does not happen this run.
    private func deliverRead(_ message: SoakMessage) throws {
        try deliver([message])
        for file in try servers.maildirMessages(user: Self.user) where !file.isSeen {
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? -1
            guard size == message.bytes.count, try file.bytes() == message.bytes else { continue }
            let name = String(file.path.split(separator: "/").last!.split(separator: ":").first!)
            let folder = URL(fileURLWithPath: file.path).deletingLastPathComponent().deletingLastPathComponent().path
            rename(file.path, folder + "/cur/" + name + ":2,S")
        }
    }

    /// Whether every message of `messages` is recorded (or dead-lettered) and the outbox is empty.
    func isSettled(_ messages: [SoakMessage]) throws -> Bool {
        let recorded = try ledger.recordedKeys()
        let queued = try ledger.outboxByStatus()["queued"] ?? 0
        return queued == 0 && messages.allSatisfy { recorded.contains($0.dedupeKey) }
    }

    /// Waits until the phase's mail is recorded or dead-lettered and no acknowledgement is
    /// queued; or until nothing changed while the daemon polled 4 times (at least 5 s); or
    /// for `--stall-seconds` without any change. A phase that stops short is noted.
    func settle(_ mail: [SoakMessage]) throws {
        let keys = Set(mail.map(\.dedupeKey))
        var state: [Int] = []
        var since = ResourceUsage.now
        var polls: Set<Double> = []
        while true {
            try pause(0.5)
            let recorded = try ledger.recordedKeys().intersection(keys).count
            let dead = try ledger.deadLetterCount() - deadLettersBeforePhase
            let outbox = try ledger.outboxByStatus()
            let queued = outbox["queued"] ?? 0
            if recorded + dead >= keys.count && queued == 0 { return }
            let now = [recorded, dead, queued, outbox["sent"] ?? 0, outbox["failed"] ?? 0]
            if now != state {
                (state, since, polls) = (now, ResourceUsage.now, [])
                continue
            }
            if let poll = try ledger.lastPollAt() { polls.insert(poll) }
            let idle = ResourceUsage.now - since
            if (polls.count >= 4 && idle >= 5) || idle >= options.stallSeconds {
                notes.append("\(currentPhase.rawValue): stopped waiting after \(Int(idle)) s without progress"
                             + " (\(polls.count) polls): \(keys.count - recorded - dead) of \(keys.count) messages unrecorded, \(queued) notices queued")
                return
            }
        }
    }
}
