import Foundation

/// `manifest.tsv` in a corpus directory: one line per message, `file kind defect attachment
/// bytes`, so the Swift benchmark and the Python peer measure the very same subsets.
struct CorpusManifest {
    struct Entry {
        var file: String
        var kind: GeneratedMessage.Kind
        var defect: GeneratedMessage.Defect?
        var hasAttachment: Bool
        var bytes: Int
    }

    static let fileName = "manifest.tsv"
    var entries: [Entry] = []

    /// Generates `count` messages from `seed` into `directory` (created if needed) as
    /// `000001.eml`…, plus the manifest.
    static func generate(count: Int, seed: UInt64, into directory: String) throws -> CorpusManifest {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var generator = CorpusGenerator(seed: seed)
        var manifest = CorpusManifest()
        for index in 1...max(count, 1) {
            let message = generator.next()
            let file = String(format: "%06d.eml", index)
            let url = URL(fileURLWithPath: directory).appendingPathComponent(file)
            try Data(message.bytes).write(to: url)
            manifest.entries.append(Entry(file: file, kind: message.kind, defect: message.defect,
                                          hasAttachment: message.hasAttachment, bytes: message.bytes.count))
        }
        let lines = manifest.entries.map {
            "\($0.file)\t\($0.kind.rawValue)\t\($0.defect?.rawValue ?? "-")\t\($0.hasAttachment ? 1 : 0)\t\($0.bytes)\n"
        }
        try Data(("file\tkind\tdefect\tattachment\tbytes\n" + lines.joined()).utf8)
            .write(to: URL(fileURLWithPath: directory).appendingPathComponent(fileName))
        return manifest
    }

    var totalBytes: Int { entries.reduce(0) { $0 + $1.bytes } }

    func count(_ kind: GeneratedMessage.Kind) -> Int { entries.filter { $0.kind == kind }.count }
}
