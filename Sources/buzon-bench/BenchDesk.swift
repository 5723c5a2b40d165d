import Foundation
import BuzonGateway
import BuzonStore

/// A throw-away desk for the store and end-to-end benchmarks: a config file in a temp dir,
/// the repository's templates, fifty customer organizations.
struct BenchDesk {
    let directory: String
    let runtime: GatewayRuntime
    let store: TicketStore

    static var templatesDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Templates").path
    }

    /// `mailboxes` is TOML for the `[[mailbox]]` and `[smtp]` sections.
    init(mailboxes: String, directory: String? = nil) throws {
        let directory = directory ?? NSTemporaryDirectory() + "buzon-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.directory = directory
        var text = """
        [gateway]
        database = "buzon.sqlite"
        attachments_dir = "attachments"
        templates_dir = "\(BenchDesk.templatesDirectory)"
        domain = "empresa.com"
        max_auto_replies_per_hour = 1000
        staff = ["marta@empresa.com"]

        \(mailboxes)

        """
        for index in 0..<BenchDesk.organizations {
            text += """
            [[organization]]
            name = "Cliente \(index)"
            authorized = ["@cliente\(index).cl"]

            """
        }
        let path = directory + "/buzon.toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        runtime = try GatewayRuntime.load(configPath: path)
        store = try TicketStore(databasePath: runtime.config.database, attachmentsDirectory: runtime.config.attachmentsDirectory)
    }

    static let organizations = 50

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
