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
                         "User=buzon", "ExecStart=/usr/local/bin/buzon run --config /etc/buzon/buzon.toml"] {
            #expect(lines.contains(required), "missing \(required)")
        }
    }
}
