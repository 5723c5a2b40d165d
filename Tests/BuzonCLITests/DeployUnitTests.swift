import Testing
import Foundation

/// The systemd unit in `deploy/` is what operators install: it must pass
/// `systemd-analyze verify` and keep the promises the README makes about it.
@Suite struct DeployUnitTests {
    static let unitPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("deploy/buzon.service").path

    @Test func unitPassesSystemdAnalyzeVerify() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("buzon-unit-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // verify checks that ExecStart's binary exists: point it at the binary just built.
        let unit = try String(contentsOfFile: Self.unitPath, encoding: .utf8)
            .replacingOccurrences(of: "/usr/local/bin/buzon", with: BuzonBinary.url.path)
        let path = directory.appendingPathComponent("buzon.service").path
        try unit.write(toFile: path, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        process.arguments = ["verify", path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(!output.contains("buzon.service:"), "systemd-analyze complained about the unit:\n\(output)")
    }

    @Test func unitKeepsTheDocumentedPromises() throws {
        let unit = try String(contentsOfFile: Self.unitPath, encoding: .utf8)
        let lines = Set(unit.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        for required in ["Type=notify", "WatchdogSec=120", "ExecReload=/bin/kill -HUP $MAINPID", "StateDirectory=buzon",
                         "ConfigurationDirectory=buzon", "ProtectSystem=strict", "NoNewPrivileges=yes", "PrivateTmp=yes",
                         "User=buzon", "ExecStart=/usr/local/bin/buzon run --config /etc/buzon/buzon.toml",
                         "RestartPreventExitStatus=78", "EnvironmentFile=-/etc/buzon/buzon.env"] {
            #expect(lines.contains(required), "missing \(required)")
        }
    }

    /// Issue #10 item 15: `systemctl reload` must fail when the new configuration is refused, so
    /// the check runs before the SIGHUP, and the check must fail (non-zero) on a broken file.
    @Test func reloadChecksTheConfigurationBeforeSignalling() throws {
        let unit = try String(contentsOfFile: Self.unitPath, encoding: .utf8)
        let reloads = unit.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("ExecReload=") }
        #expect(reloads == ["ExecReload=/usr/local/bin/buzon check-config --config /etc/buzon/buzon.toml",
                            "ExecReload=/bin/kill -HUP $MAINPID"])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("buzon-reload-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("buzon.toml").path
        try "[gateway]\npoll_seconds = \"pronto\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try BuzonBinary.run(["check-config", "--config", path]).status != 0)
    }

    /// Every path the example configuration makes the daemon write is in the unit's only
    /// writable directory (ProtectSystem=strict makes /etc read-only).
    @Test func exampleConfigWritesOnlyWhereTheUnitAllows() throws {
        let unit = try String(contentsOfFile: Self.unitPath, encoding: .utf8)
        #expect(unit.contains("StateDirectory=buzon") && unit.contains("ProtectSystem=strict"))
        let example = try String(contentsOfFile: URL(fileURLWithPath: Self.unitPath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/buzon.example.toml").path, encoding: .utf8)
        for key in ["database", "attachments_dir", "# metrics_file"] {
            let line = try #require(example.split(separator: "\n").first { $0.hasPrefix(key + " = ") }, "\(key) missing")
            #expect(line.contains("\"/var/lib/buzon/"), "\(line) must be under /var/lib/buzon")
        }
        #expect(example.contains("/etc/buzon/buzon.env"), "the example says where password_env variables go")
    }
}
