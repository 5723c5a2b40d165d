import Foundation
import BuzonTesting
#if canImport(Glibc)
import Glibc
#endif

/// The environment faults the soak injects, each measured on this kind of machine
/// (`shared/infra.md`): a crashed IMAP server (SIGKILL of Dovecot's whole process tree, not
/// `doveadm stop`, which leaves open sessions serving), a stopped SMTP server, and an
/// attachments directory on a small tmpfs that is filled with `dd` (ENOSPC) or remounted
/// read-only (EROFS). Mounting needs root; `canMount` says whether this run can.
struct SoakFaults {
    let servers: LocalServers
    /// The desk's attachments directory, a tmpfs while `mounted`.
    let attachments: String
    private(set) var mounted = false

    static var canMount: Bool { getuid() == 0 }

    init(servers: LocalServers, attachments: String) {
        self.servers = servers
        self.attachments = attachments
    }

    // MARK: IMAP and SMTP outages

    /// SIGKILL to Dovecot's master and every process below it, then lets `LocalServers` reap
    /// the master. Returns how many processes were killed.
    @discardableResult
    func crashIMAP() -> Int {
        let table = Self.processTable()
        guard let master = table.first(where: { $0.command.contains("dovecot") && $0.command.contains(servers.directory) }) else {
            return 0
        }
        var tree: Set<pid_t> = [master.pid]
        var grew = true
        while grew {
            let before = tree.count
            for entry in table where tree.contains(entry.parent) { tree.insert(entry.pid) }
            grew = tree.count > before
        }
        kill(master.pid, SIGKILL)
        for pid in tree where pid != master.pid { kill(pid, SIGKILL) }
        kill(-master.pid, SIGKILL)
        servers.stopIMAP()
        return tree.count
    }

    func restartIMAP() throws { try servers.startIMAP() }
    func stopSMTP() { servers.stopSMTP() }
    func restartSMTP() throws { try servers.startSMTP() }

    /// pid, parent pid and command line of every process (from /proc).
    private static func processTable() -> [(pid: pid_t, parent: pid_t, command: String)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return names.compactMap { name in
            guard let pid = pid_t(name),
                  let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // Fields after "(comm)": state, ppid, …
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, let parent = pid_t(fields[1]) else { return nil }
            let command = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline")
                .map { String(decoding: $0.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self) } ?? ""
            return (pid, parent, command)
        }
    }

    // MARK: The attachments directory

    /// Mounts a tmpfs of `megabytes` on the attachments directory.
    mutating func mountAttachments(megabytes: Int) throws {
        try FileManager.default.createDirectory(atPath: attachments, withIntermediateDirectories: true)
        try Self.tool("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0755", "tmpfs", attachments])
        mounted = true
    }

    /// Fills the tmpfs to the last byte: every attachment write then fails with ENOSPC.
    func fillAttachments() throws {
        // dd stops with "No space left on device" (exit 1): that is the point.
        try? Self.tool("/bin/dd", ["if=/dev/zero", "of=\(fillFile)", "bs=1M"])
        guard FileManager.default.fileExists(atPath: fillFile) else { throw SoakError("dd could not fill \(attachments)") }
    }

    func freeAttachments() throws {
        try FileManager.default.removeItem(atPath: fillFile)
    }

    /// Remounts the tmpfs read-only (EROFS) or read-write again.
    func setAttachmentsReadOnly(_ readOnly: Bool) throws {
        try Self.tool("/bin/mount", ["-o", readOnly ? "remount,ro" : "remount,rw", attachments])
    }

    /// Unmounts the tmpfs (after the daemons stopped). Idempotent.
    mutating func unmountAttachments() {
        guard mounted else { return }
        try? Self.tool("/bin/umount", [attachments])
        mounted = false
    }

    private var fillFile: String { attachments + "/soak-fill" }

    /// Runs a short tool, its output discarded; throws when it fails.
    static func tool(_ path: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SoakError("\(path) \(arguments.joined(separator: " ")) failed (exit \(process.terminationStatus)): "
                            + String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}

/// A soak that cannot go on (a server that will not start, a tool that fails): says what.
struct SoakError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
