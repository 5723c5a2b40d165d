import Foundation
import Testing
@testable import BuzonMIME

/// Runs every `Fixtures/NNN.eml` through the parser twice (LF and CRLF line ends) and
/// compares the fields its `NNN.json` lists. On mismatch the full actual result is written
/// to `NNN.actual.json` next to the source fixture, to diff.
@Suite struct GoldenFixtureTests {
    static let sourceFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func fixtureNames() -> [String] {
        let directory = bundledFixtures()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The source directory when present (edits count without a rebuild), else the bundled copy.
    static func bundledFixtures() -> URL {
        if FileManager.default.fileExists(atPath: sourceFixtures.path) { return sourceFixtures }
        return Bundle.module.resourceURL?.appendingPathComponent("Fixtures") ?? sourceFixtures
    }

    @Test func corpusIsNotEmpty() {
        #expect(Self.fixtureNames().count >= 30)
    }

    @Test(arguments: fixtureNames())
    func fixture(_ name: String) throws {
        let directory = Self.bundledFixtures()
        let raw = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name + ".eml")))
        let expectedData = try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
        let expected = try #require(JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
        let lf = LineEnds.lf(raw)
        var failures: [String] = []
        var actualForFile: [String: Any] = [:]
        for (label, bytes) in [("LF", lf), ("CRLF", LineEnds.crlf(lf))] {
            let actual = GoldenMessage.dictionary(MessageParser().parse(bytes))
            actualForFile = actual
            failures += GoldenComparison.mismatches(expected: expected, actual: actual).map { "[\(label)] \($0)" }
        }
        let actualURL = Self.sourceFixtures.appendingPathComponent(name + ".actual.json")
        if failures.isEmpty {
            try? FileManager.default.removeItem(at: actualURL)
        } else {
            let data = try JSONSerialization.data(withJSONObject: actualForFile, options: [.prettyPrinted, .sortedKeys])
            try data.write(to: actualURL)
            let report = failures.joined(separator: "\n")
            Issue.record("\(name): \(failures.count) mismatches (actual written to \(actualURL.path)):\n\(report)")
        }
    }
}

/// LF / CRLF variants of a fixture.
enum LineEnds {
    static func lf(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() where !(byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
            out.append(byte)
        }
        return out
    }

    static func crlf(_ lf: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(lf.count + lf.count / 20)
        for byte in lf {
            if byte == 0x0A { out.append(0x0D) }
            out.append(byte)
        }
        return out
    }
}
