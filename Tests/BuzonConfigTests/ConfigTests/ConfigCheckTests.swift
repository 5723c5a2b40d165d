import Testing
import Foundation
import BuzonTesting
import BuzonTickets
import BuzonStore
import BuzonGateway
@testable import BuzonConfig

/// `check-config` on the shipped example and on broken set-ups.
@Suite struct ConfigCheckTests {
    /// The example config copied into a temp dir, its secret file made real and templates
    /// pointed at the repository's; returns the directory and the config path.
    private func exampleInTempDirectory(edit: (String) -> String = { $0 }) throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        let secret = try directory.write("imap-password\n", to: "soporte.pass")
        chmod(secret, 0o600)
        var text = try String(contentsOfFile: Repository.exampleConfig, encoding: .utf8)
        text = text
            .replacingOccurrences(of: "password_file = \"/etc/buzon/soporte.pass\"", with: "password_file = \"soporte.pass\"")
            .replacingOccurrences(of: "templates_dir = \"/etc/buzon/Templates\"", with: "templates_dir = \"\(Repository.templates)\"")
            .replacingOccurrences(of: "\"/var/lib/buzon/", with: "\"")
        let path = try directory.write(edit(text), to: "buzon.toml")
        return (directory, path)
    }

    @Test func exampleChecksCleanWithSecretsPresent() throws {
        let (directory, path) = try exampleInTempDirectory()
        try FileManager.default.createDirectory(atPath: directory.path + "/attachments", withIntermediateDirectories: true)
        let report = ConfigCheck.run(configPath: path, environment: ["BUZON_VENTAS_PASSWORD": "ventas-pw"])
        #expect(!report.hasErrors, "\(report.rendered)")
        #expect(report.findings.contains(.init(.ok, "2 mailboxes: soporte (imaps://mail.empresa.com:993/INBOX → Soporte), ventas (imaps://mail.empresa.com:993/Ventas → Ventas)")))
        #expect(report.findings.contains(.init(.ok, "2 organizations, 4 authorized entries; unknown senders: reject")))
        #expect(report.findings.contains(.init(.ok, "2 secrets readable")))
        #expect(report.findings.contains { $0.severity == .ok && $0.text.hasPrefix("templates: es, en — 8 each") })
        #expect(report.findings.contains(.init(.ok, "business hours: mon,tue,wed,thu,fri 09:00–17:00 America/Santiago, 3 holidays")))
        #expect(report.warnings.count == 1)
        #expect(report.warnings[0].hasPrefix("sender authenticity is not checked"))
        #expect(report.rendered.hasSuffix("configuration usable (1 warning)\n"))
        #expect(!report.rendered.contains("imap-password") && !report.rendered.contains("ventas-pw"))
        withExtendedLifetime(directory) {}
    }

    @Test func missingSecretsAreErrorsNamingTheKey() throws {
        let (directory, path) = try exampleInTempDirectory()
        try FileManager.default.removeItem(atPath: directory.path + "/soporte.pass")
        let report = ConfigCheck.run(configPath: path, environment: [:])
        #expect(report.errors.count == 2)
        #expect(report.errors.contains { $0.hasPrefix("\(path):") && $0.contains("cannot read \(directory.path)/soporte.pass named by password_file") })
        #expect(report.errors.contains { $0.contains("environment variable BUZON_VENTAS_PASSWORD is not set") })
        #expect(report.rendered.contains("configuration NOT usable: 2 errors"))
    }

    @Test func brokenTemplateAndMissingDatabaseDirectoryAreReported() throws {
        let (directory, path) = try exampleInTempDirectory { text in
            text.replacingOccurrences(of: "templates_dir = \"\(Repository.templates)\"", with: "templates_dir = \"nowhere\"")
                .replacingOccurrences(of: "database = \"buzon.sqlite\"", with: "database = \"missing/buzon.sqlite\"")
        }
        let report = ConfigCheck.run(configPath: path, environment: ["BUZON_VENTAS_PASSWORD": "x"])
        #expect(report.errors.contains { $0.contains("/nowhere/es: no templates for language es") })
        #expect(report.errors.contains { $0.contains("database directory") && $0.contains("/missing does not exist") })
        #expect(report.warnings.contains { $0.contains("attachments directory") })
        withExtendedLifetime(directory) {}
    }

    @Test func configErrorStopsTheCheckWithFileAndLine() throws {
        let (directory, path) = try exampleInTempDirectory { $0.replacingOccurrences(of: "poll_seconds = 60", with: "poll_second = 60") }
        let report = ConfigCheck.run(configPath: path, environment: [:])
        #expect(report.findings.count == 1)
        let error = try #require(report.errors.first)
        #expect(error.hasPrefix("\(path):"))
        #expect(error.contains("unknown key \"poll_second\" in [[mailbox]] (did you mean \"poll_seconds\"?)"))
        let line = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("poll_second =") }.map { $0 + 1 }
        #expect(error.hasPrefix("\(path):\(try #require(line)):"))
        withExtendedLifetime(directory) {}
    }

    // MARK: Issue #10 item 14: check-config must not say "usable" when it is not

    @Test func aMailboxWithoutCredentialsIsAnError() throws {
        let (directory, path) = try exampleInTempDirectory { $0.replacingOccurrences(of: "password_file = \"soporte.pass\"\n", with: "") }
        let report = ConfigCheck.run(configPath: path, environment: ["BUZON_VENTAS_PASSWORD": "x"])
        #expect(report.errors.contains { $0.hasPrefix("\(path):") && $0.contains("mailbox \"soporte\" has no credentials") }, "\(report.rendered)")
        #expect(report.rendered.contains("NOT usable"))
        withExtendedLifetime(directory) {}
    }

    @Test func aSecretFileOthersCanReadIsAWarning() throws {
        let (directory, path) = try exampleInTempDirectory()
        chmod(directory.path + "/soporte.pass", 0o644)
        let report = ConfigCheck.run(configPath: path, environment: ["BUZON_VENTAS_PASSWORD": "x"])
        #expect(report.warnings.contains { $0.contains("soporte.pass can be read by others (mode 644): chmod 600") }, "\(report.rendered)")
        withExtendedLifetime(directory) {}
    }

    @Test func unwritableDatabaseAndAttachmentsDirectoriesAreErrors() throws {
        let (directory, path) = try exampleInTempDirectory { text in
            text.replacingOccurrences(of: "database = \"buzon.sqlite\"", with: "database = \"locked/buzon.sqlite\"")
                .replacingOccurrences(of: "attachments_dir = \"attachments\"", with: "attachments_dir = \"locked/attachments\"")
        }
        let locked = directory.path + "/locked"
        try FileManager.default.createDirectory(atPath: locked + "/attachments", withIntermediateDirectories: true)
        // Root ignores permission bits: make the directory truly read-only with a read-only mount.
        let asRoot = getuid() == 0
        if asRoot {
            try #require(Self.shell("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", locked) == 0, "mount a read-only tmpfs")
        } else {
            chmod(locked + "/attachments", 0o555)
            chmod(locked, 0o555)
        }
        defer {
            if asRoot { _ = Self.shell("umount", locked) } else { chmod(locked, 0o755) }
        }
        if asRoot { try? FileManager.default.createDirectory(atPath: locked + "/attachments", withIntermediateDirectories: true) }
        let report = ConfigCheck.run(configPath: path, environment: ["BUZON_VENTAS_PASSWORD": "x"])
        #expect(report.errors.contains { $0.contains("database directory \(locked) is not writable") }, "\(report.rendered)")
        #expect(report.errors.contains { $0.contains("attachments directory \(locked)/attachments") }, "\(report.rendered)")
        withExtendedLifetime(directory) {}
    }

    @Test func aDatabaseFromANewerBuzonIsAnErrorNamingBothVersions() throws {
        let (directory, path) = try exampleInTempDirectory()
        let database = try Database(path: directory.path + "/buzon.sqlite")
        try database.execute("PRAGMA user_version = 99")
        let report = ConfigCheck.run(configPath: path, environment: ["BUZON_VENTAS_PASSWORD": "x"])
        #expect(report.errors.contains { $0.contains("schema version 99, newer than this Buzón's \(TicketStore.schemaVersion)") }, "\(report.rendered)")
        withExtendedLifetime(directory) {}
    }

    @Test func everyConfigurationAndTemplateErrorIsListedInOneRun() throws {
        let templates = try TemporaryDirectory()
        for language in ["es", "en"] {
            try FileManager.default.copyItem(atPath: Repository.templates + "/" + language, toPath: templates.path + "/" + language)
        }
        try templates.write("Subject: sin referencia\n\nHola {{numero}}\n", to: "es/acknowledgement.txt")
        try FileManager.default.removeItem(atPath: templates.path + "/en/closed.txt")
        let (directory, path) = try exampleInTempDirectory { text in
            text.replacingOccurrences(of: "templates_dir = \"\(Repository.templates)\"", with: "templates_dir = \"\(templates.path)\"")
        }
        let report = ConfigCheck.run(configPath: path, environment: ["BUZON_VENTAS_PASSWORD": "x"])
        #expect(report.errors.contains { $0.contains("es/acknowledgement.txt") }, "\(report.rendered)")
        #expect(report.errors.contains { $0.contains("en/closed.txt") }, "\(report.rendered)")

        let (other, broken) = try exampleInTempDirectory { text in
            text.replacingOccurrences(of: "poll_seconds = 60", with: "poll_second = 60")
                .replacingOccurrences(of: "language = \"es\"", with: "language = \"fr\"")
        }
        let twice = ConfigCheck.run(configPath: broken, environment: [:])
        #expect(twice.errors.count == 2, "\(twice.rendered)")
        #expect(twice.errors.contains { $0.contains("poll_second") } && twice.errors.contains { $0.contains("\"fr\"") })
        withExtendedLifetime((directory, other, templates)) {}
    }

    private static func shell(_ arguments: String...) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
