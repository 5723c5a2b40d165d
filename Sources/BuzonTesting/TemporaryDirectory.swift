import Foundation

/// A fresh directory under the system temp dir, removed when the value goes away.
public final class TemporaryDirectory {
    public let path: String

    public init() throws {
        path = NSTemporaryDirectory() + "buzon-config-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` at `relativePath` (directories created) and returns the absolute path.
    @discardableResult
    public func write(_ text: String, to relativePath: String) throws -> String {
        let file = path + "/" + relativePath
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }
}

/// Paths inside the repository, found from this source file (tests run from a checkout).
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // BuzonTesting
        .deletingLastPathComponent() // Sources
        .deletingLastPathComponent()
        .path
    public static let templates = root + "/Templates"
    public static let exampleConfig = root + "/config/buzon.example.toml"
}
