import Foundation
import Testing
import BuzonMIME
import BuzonTrim

/// One golden fixture: `Fixtures/<folder>/<name>.eml` and its snapshot `<name>.json`, the
/// whole `buzon parse --json` result of the message, one member a line (see `render`).
struct GoldenFixture: Sendable, CustomTestStringConvertible {
    /// The folders a fixture may live in, by what it shows (described in `Fixtures/README.md`).
    static let folders: Set<String> = ["rfc", "clients", "attachments", "automatic", "legacy", "malformed"]

    /// The path under `Fixtures/` without `.eml`: `clients/outlook-es-reply`.
    let name: String

    var folder: String { String(name.prefix { $0 != "/" }) }
    var testDescription: String { name }

    /// Fixtures whose CRLF run rightly gives another result than their LF run, and why. Their
    /// CRLF result has its own snapshot, `<name>.crlf.json`; for every other fixture the two
    /// runs must give the very same text.
    static let crlfDifferences: [String: String] = [
        "legacy/uuencode-transfer-encoding": "a part in an unknown transfer encoding (x-uuencode) is kept byte for byte, "
            + "line ends included: the attachment is 36 bytes with LF and 40 with CRLF, so its size and SHA-256 differ",
    ]

    /// Why this fixture's CRLF result differs from its LF result; nil when it must not.
    var crlfDifference: String? { Self.crlfDifferences[name] }

    /// The two runs of every fixture: the file with LF line ends, and with CRLF line ends.
    enum Variant: String, Sendable, CaseIterable {
        case lf = "LF"
        case crlf = "CRLF"
    }

    /// `BUZON_UPDATE_SNAPSHOTS=1`: write every snapshot from the parser as it is.
    static var updating: Bool {
        ProcessInfo.processInfo.environment["BUZON_UPDATE_SNAPSHOTS"] == "1"
    }

    // MARK: Where the files are

    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The source directory when present (edits count without a rebuild, and snapshots are
    /// written where git sees them), else the copy bundled with the test target.
    static var directory: URL {
        if FileManager.default.fileExists(atPath: sourceDirectory.path) { return sourceDirectory }
        return Bundle.module.resourceURL?.appendingPathComponent("Fixtures") ?? sourceDirectory
    }

    /// Every `.eml` under `directory`, by name.
    static func all() -> [GoldenFixture] {
        files(endingWith: ".eml").map { GoldenFixture(name: String($0.dropLast(4))) }
    }

    /// Snapshots no fixture reads: its `.eml` renamed or deleted, or a `.crlf.json` of a
    /// fixture that `crlfDifferences` does not list.
    static func snapshotsWithoutFixture() -> [String] {
        let fixtures = Set(all().map(\.name))
        return files(endingWith: ".json").filter { path in
            if path.hasSuffix(".actual.json") { return false }
            if path.hasSuffix(".crlf.json") { return crlfDifferences[String(path.dropLast(10))] == nil }
            return !fixtures.contains(String(path.dropLast(5)))
        }
    }

    /// Relative paths under `directory` of the files whose name ends with `suffix`, sorted.
    private static func files(endingWith suffix: String) -> [String] {
        let root = directory.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(suffix) && $0.contains("/") }.sorted()
    }

    private func url(_ suffix: String) -> URL {
        Self.directory.appendingPathComponent(name + suffix)
    }

    /// `.json`, or `.crlf.json` for the CRLF run of a fixture listed in `crlfDifferences`.
    func snapshotSuffix(_ variant: Variant) -> String {
        variant == .crlf && crlfDifference != nil ? ".crlf.json" : ".json"
    }

    private func actualSuffix(_ variant: Variant) -> String {
        variant == .lf ? ".actual.json" : ".crlf.actual.json"
    }

    // MARK: Reading and writing

    func bytes() throws -> [UInt8] {
        try [UInt8](Data(contentsOf: url(".eml")))
    }

    /// The text of the run's snapshot; nil when the fixture has none yet.
    func snapshot(_ variant: Variant) throws -> String? {
        let file = url(snapshotSuffix(variant))
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        return String(decoding: try Data(contentsOf: file), as: UTF8.self)
    }

    func writeSnapshot(_ text: String, _ variant: Variant) throws {
        try Data(text.utf8).write(to: url(snapshotSuffix(variant)))
    }

    /// Writes a result that did not match beside the fixture; returns the path to diff, or
    /// why there is none.
    func writeActual(_ text: String, _ variant: Variant) -> String {
        let target = url(actualSuffix(variant))
        do {
            try Data(text.utf8).write(to: target)
            return target.path
        } catch {
            return "(could not write \(target.path): \(error))"
        }
    }

    func removeActual(_ variant: Variant) {
        try? FileManager.default.removeItem(at: url(actualSuffix(variant)))
    }

    // MARK: The result and its comparison

    /// What `buzon parse --json` prints for `bytes` (the same parser, trimmer and JSON form),
    /// indented two spaces so that a changed member is a changed line in review; ends with
    /// a newline.
    static func render(_ bytes: [UInt8]) -> String {
        let message = MessageParser().parse(bytes)
        let reply = ReplyTrimmer().trim(message).text
        return JSONWriter.string(message.json(reply: reply), indentation: "  ") + "\n"
    }

    /// `at line N: expected «…», got «…»` for the first line where the two texts differ.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0 ..< max(want.count, got.count) {
            let a = index < want.count ? String(want[index]) : "(end of file)"
            let b = index < got.count ? String(got[index]) : "(end of file)"
            if a != b { return "at line \(index + 1): expected «\(a)», got «\(b)»" }
        }
        return "the texts are equal"
    }
}
