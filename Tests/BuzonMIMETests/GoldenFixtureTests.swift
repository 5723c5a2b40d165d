import Foundation
import Testing
import BuzonMIME

/// Every `Fixtures/<folder>/<name>.eml` is parsed twice, with LF and with CRLF line ends, and
/// its whole `buzon parse --json` result is compared with the snapshot `<name>.json` beside it
/// (the CRLF run too, unless `GoldenFixture.crlfDifferences` explains why it differs).
///
/// - A mismatch writes the result to `<name>.actual.json` (`<name>.crlf.actual.json` for the
///   CRLF run; both ignored by git) and says where the texts first differ: diff the two files.
/// - `BUZON_UPDATE_SNAPSHOTS=1 swift test --filter GoldenFixtureTests` rewrites the snapshots
///   from the parser as it is; review the change with `git diff` before committing it.
/// - `discoversTheCorpus` fails when discovery finds no fixture at all, so a fixture directory
///   that moved or was not bundled cannot turn this suite into zero cases that pass.
///
/// How to add a fixture: `Fixtures/README.md`.
@Suite struct GoldenFixtureTests {
    @Test func discoversTheCorpus() throws {
        let fixtures = GoldenFixture.all()
        #expect(fixtures.count > 0, "no fixture found under \(GoldenFixture.directory.path)")
        #expect(Set(fixtures.map(\.folder)) == GoldenFixture.folders,
                "every folder of GoldenFixture.folders (and Fixtures/README.md) holds fixtures, and no other folder does")
        #expect(GoldenFixture.snapshotsWithoutFixture().isEmpty, "snapshots that no fixture reads")
        for name in GoldenFixture.crlfDifferences.keys {
            #expect(fixtures.contains { $0.name == name }, "GoldenFixture.crlfDifferences lists \(name), which is no fixture")
        }
    }

    /// A newcomer finds a fixture by what it shows in the README's index.
    @Test func readmeIndexListsEveryFixture() throws {
        let readme = try String(contentsOf: GoldenFixture.directory.appendingPathComponent("README.md"), encoding: .utf8)
        for fixture in GoldenFixture.all() {
            #expect(readme.contains("| `\(fixture.name)` |"), "add \(fixture.name) to the index of Fixtures/README.md")
        }
    }

    @Test(arguments: GoldenFixture.all())
    func matchesItsSnapshot(_ fixture: GoldenFixture) throws {
        let lf = LineEnds.lf(try fixture.bytes())
        let results: [(GoldenFixture.Variant, String)] = [
            (.lf, GoldenFixture.render(lf)),
            (.crlf, GoldenFixture.render(LineEnds.crlf(lf))),
        ]
        for (variant, text) in results {
            if GoldenFixture.updating && (variant == .lf || fixture.crlfDifference != nil) {
                try fixture.writeSnapshot(text, variant)
            }
            let snapshot = try fixture.snapshot(variant)
            if text == snapshot {
                fixture.removeActual(variant)
                continue
            }
            let written = fixture.writeActual(text, variant)
            let snapshotName = fixture.name + fixture.snapshotSuffix(variant)
            let accept = "BUZON_UPDATE_SNAPSHOTS=1 swift test --filter GoldenFixtureTests"
            let problem: String
            if let snapshot {
                problem = "\(fixture.name) (\(variant.rawValue) line ends): the result differs from \(snapshotName), "
                    + "\(GoldenFixture.firstDifference(snapshot, text)). Diff it with \(written); if the change is right, "
                    + "accept it with \(accept)"
            } else {
                problem = "\(fixture.name): no snapshot \(snapshotName) yet. Check the result in \(written), "
                    + "then accept it with \(accept)"
            }
            Issue.record(Comment(rawValue: problem))
        }
        if let reason = fixture.crlfDifference {
            let stale = "\(fixture.name): its LF and CRLF results are now the same, though GoldenFixture.crlfDifferences "
                + "says \(reason): drop that entry and \(fixture.name).crlf.json"
            #expect(results[0].1 != results[1].1, Comment(rawValue: stale))
        }
    }
}

/// LF / CRLF variants of a fixture: the file's own line ends do not matter.
enum LineEnds {
    /// `bytes` with every CR LF turned into LF (a lone CR stays).
    static func lf(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() where !(byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
            out.append(byte)
        }
        return out
    }

    /// `lf` with a CR before every LF, as mail arrives over IMAP and SMTP.
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
