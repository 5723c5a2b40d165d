import Foundation

/// A fresh directory under the system temp dir, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "buzon-config-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` at `relativePath` (directories created) and returns the absolute path.
    @discardableResult
    func write(_ text: String, to relativePath: String) throws -> String {
        let file = path + "/" + relativePath
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }
}

/// Paths inside the repository, found from this source file.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // ConfigTests
        .deletingLastPathComponent() // BuzonGatewayTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent()
        .path
    static let templates = root + "/Templates"
    static let exampleConfig = root + "/config/buzon.example.toml"
}

/// The smallest configuration that loads, plus `extra` lines appended to named sections.
enum MinimalConfig {
    static func text(gateway: String = "", smtp: String = "", mailbox: String = "", more: String = "") -> String {
        """
        [gateway]
        \(gateway)

        [smtp]
        from = "soporte@empresa.com"
        \(smtp)

        [[mailbox]]
        name = "soporte"
        url = "imaps://mail.empresa.com/INBOX"
        address = "soporte@empresa.com"
        department = "Soporte"
        \(mailbox)
        \(more)
        """
    }
}
