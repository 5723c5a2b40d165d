import Foundation
import Testing

/// The golden snapshots of `Tests/BuzonMIMETests/Fixtures` are what the built binary prints:
/// `buzon parse --json` over every fixture gives, line for line, the value of its snapshot
/// (the snapshot is the same JSON laid out one member a line, without the `file` key).
@Suite struct ParseGoldenFixturesTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("BuzonMIMETests/Fixtures")

    /// The value as JSON text with sorted keys: equal values, equal texts.
    static func canonical(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func parseJSONPrintsWhatTheSnapshotsHold() throws {
        let root = Self.fixtures.path + "/"
        let walker = try #require(FileManager.default.enumerator(atPath: root))
        let names = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".eml") }.sorted()
        try #require(!names.isEmpty, "no fixture under \(root)")
        let result = try BuzonBinary.run(["parse", "--json"] + names.map { root + $0 })
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == names.count)
        for (name, line) in zip(names, lines) {
            var printed = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(printed.removeValue(forKey: "file") as? String == root + name)
            let eml = try Data(contentsOf: URL(fileURLWithPath: root + name))
            let crlf = URL(fileURLWithPath: root + name.dropLast(4) + ".crlf.json")
            // A fixture saved with CRLF line ends reads as its CRLF run, which may have its own snapshot.
            let snapshotURL = eml.contains(Data("\r\n".utf8)) && FileManager.default.fileExists(atPath: crlf.path)
                ? crlf : URL(fileURLWithPath: root + name.dropLast(4) + ".json")
            let snapshot = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: snapshotURL)) as? [String: Any])
            #expect(try Self.canonical(printed) == Self.canonical(snapshot), "\(name): buzon parse --json differs from its snapshot")
        }
    }
}
