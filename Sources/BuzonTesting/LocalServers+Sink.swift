import Foundation

extension LocalServers {
    var spoolDirectory: String { directory + "/sink" }

    /// Starts the SMTP sink on the same ports as before (≈0.25 s).
    public func startSMTP() throws {
        try lock.withLock {
            guard sink == nil else { return }
            guard let script = Bundle.module.path(forResource: "smtp_sink", ofType: "py", inDirectory: "Resources") else {
                throw LocalServersError("smtp_sink.py is missing from the BuzonTesting resources")
            }
            // Debian's interpreter explicitly: another python3 on PATH would not see apt's aiosmtpd.
            let daemon = try DaemonProcess(name: "smtp sink", executable: "/usr/bin/python3", arguments: [
                script, "--spool", spoolDirectory, "--port", "\(smtpPort)", "--tls-port", "\(smtpsPort)",
                "--cert", caFile, "--key", keyFile, "--users", directory + "/sink-users.json",
            ], logPath: directory + "/sink.log")
            sink = daemon
            record(daemon, as: "sink")
            try LoopbackPort.wait(for: [smtpPort, smtpsPort], of: daemon, timeout: 10)
        }
    }

    /// Stops the sink (SIGTERM; milliseconds). Received messages stay readable.
    public func stopSMTP() {
        lock.withLock {
            sink?.stop()
            sink = nil
        }
    }

    func writeSinkFiles() throws {
        let data = try JSONSerialization.data(withJSONObject: users, options: [.sortedKeys])
        try data.write(to: URL(fileURLWithPath: directory + "/sink-users.json"))
        try FileManager.default.createDirectory(atPath: spoolDirectory + "/tmp", withIntermediateDirectories: true)
    }

    /// Every message the sink accepted so far, oldest first.
    public func receivedMessages() throws -> [SinkMessage] {
        let names = try FileManager.default.contentsOfDirectory(atPath: spoolDirectory)
            .filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let base = spoolDirectory + "/" + name.dropLast(5)
            let json = try Data(contentsOf: URL(fileURLWithPath: base + ".json"))
            let envelope = try JSONDecoder().decode(SinkEnvelope.self, from: json)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: base + ".eml"))
            // aiosmtpd records the null reverse path as "<>"; SinkMessage says "" for it.
            return SinkMessage(mailFrom: envelope.mail_from == "<>" ? "" : envelope.mail_from, recipients: envelope.rcpt_tos,
                               bytes: [UInt8](bytes), authLogin: envelope.auth_login, listener: envelope.listener,
                               heloName: envelope.helo ?? "")
        }
    }

    /// Waits until the sink holds at least `count` messages matching `filter`; returns them.
    @discardableResult
    public func waitForMessages(count: Int, timeout: TimeInterval = 5,
                                where filter: (SinkMessage) -> Bool = { _ in true }) throws -> [SinkMessage] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let messages = try receivedMessages().filter(filter)
            if messages.count >= count { return messages }
            guard Date() < deadline else {
                throw LocalServersError("the SMTP sink holds \(messages.count) matching messages, expected \(count) within \(timeout) s")
            }
            usleep(10_000)
        }
    }
}

/// What the sink wrote next to each message (`NAME.json`).
private struct SinkEnvelope: Decodable {
    var mail_from: String
    var rcpt_tos: [String]
    var auth_login: String?
    var listener: String
    var helo: String?
}
