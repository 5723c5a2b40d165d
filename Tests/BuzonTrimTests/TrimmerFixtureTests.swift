import Foundation
import Testing
@testable import BuzonMIME
@testable import BuzonTrim

/// Golden files: `NNN.txt` or `NNN.html` is a body, `NNN.expected.txt` what the sender newly
/// wrote, optional `NNN.subject.txt` the message subject (forwards). Each runs with LF and
/// CRLF line ends; a mismatch writes `NNN.actual.txt` next to the source fixture to diff.
@Suite struct TrimmerFixtureTests {
    struct Fixture: CustomStringConvertible {
        var name: String
        var isHTML: Bool
        var input: String
        var expected: String
        var subject: String
        var description: String { name }
    }

    static func fixtures() throws -> [Fixture] {
        guard let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        return try names.sorted().compactMap { file -> Fixture? in
            let isHTML = file.hasSuffix(".html")
            guard isHTML || (file.hasSuffix(".txt") && file.split(separator: ".").count == 2) else { return nil }
            let base = String(file.prefix { $0 != "." })
            let read = { (name: String) in try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) }
            let subject = (try? read("\(base).subject.txt"))?.trimmingCharacters(in: .newlines) ?? ""
            return Fixture(name: base, isHTML: isHTML, input: try read(file),
                           expected: try read("\(base).expected.txt"), subject: subject)
        }
    }

    @Test func fixturesRan() throws {
        #expect(try Self.fixtures().count >= 30)
    }

    @Test(arguments: try fixtures())
    func fixture(_ fixture: Fixture) throws {
        let trimmer = ReplyTrimmer()
        for (ending, input) in [("LF", fixture.input), ("CRLF", fixture.input.replacingOccurrences(of: "\n", with: "\r\n"))] {
            var message = Message(subject: fixture.subject)
            if fixture.isHTML { message.html = input } else { message.text = input }
            let actual = trimmer.trim(message).text
            let expected = fixture.expected.hasSuffix("\n") ? String(fixture.expected.dropLast()) : fixture.expected
            if actual != expected { Self.writeActual(actual, for: fixture.name) }
            #expect(actual == expected, "\(fixture.name) with \(ending)")
        }
    }

    private static func writeActual(_ text: String, for name: String, filePath: String = #filePath) {
        let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        try? (text + "\n").write(to: directory.appendingPathComponent("\(name).actual.txt"), atomically: true, encoding: .utf8)
    }
}
