import Foundation
import BuzonMIME
import BuzonTrim
import BuzonGateway

/// `buzon parse [--json | --summary] FILE…` — shows what Buzón understood of e-mail files.
///
/// Contract: every file that can be read is parsed and printed, however malformed (the parser
/// is best effort and never fails); a file that cannot be read is reported on standard error
/// as `buzon parse: cannot read FILE: reason`, the other files are still processed, and the
/// exit status is then 66 (EX_NOINPUT). `-` reads standard input.
struct ParseCommand: BuzonCommand {
    enum Output: Equatable {
        /// A few readable lines per message.
        case human
        /// One JSON object per message; with several files, JSON Lines with a `file` key.
        case json
        /// Only one line of totals: the throughput instrument, without any formatting cost.
        case summary
    }

    static let spec = CommandSpec(
        words: ["parse"], section: .gateway, summary: "what Buzón understands of e-mail files (- for standard input)",
        operands: [OperandSpec(placeholder: "FILE", kind: .file, help: "a message file, - for standard input", isRepeatable: true)],
        options: [.flag("json", "one JSON object per message (JSON Lines with a \"file\" key for several files)"),
                  .flag("summary", "only one line of totals: the throughput instrument")],
        exclusive: [["json", "summary"]],
        details: "Parses each file as the gateway would and prints who, what, when, the MIME tree and the reply's first "
            + "lines. Malformed mail is still printed (the parser is best effort); a file that cannot be read is reported, "
            + "the others still processed, and the exit status is then 66. Reads no configuration.",
        examples: ["parse --json message.eml", "parse --summary corpus/*.eml"])

    var output: Output
    var paths: [String]
    var parser = MessageParser()
    var trimmer = ReplyTrimmer()

    init(_ arguments: Arguments) {
        output = arguments.flag("json") ? .json : arguments.flag("summary") ? .summary : .human
        paths = arguments.operands
    }

    static func run(_ arguments: Arguments) -> Int32 {
        ParseCommand(arguments).run()
    }

    func run() -> Int32 {
        var totals = ParseTotals()
        var unreadable = 0
        for path in paths {
            let bytes: [UInt8]
            do {
                bytes = try FileBytes.read(path)
            } catch {
                FileHandle.standardError.write(Data("buzon parse: \(error)\n".utf8))
                unreadable += 1
                continue
            }
            switch output {
            case .summary:
                totals.measure(bytes, parser: parser, trimmer: trimmer)
            case .json:
                let message = parser.parse(bytes)
                let object = message.json(reply: trimmer.trim(message).text, file: paths.count > 1 ? path : nil)
                print(JSONWriter.string(object))
            case .human:
                let message = parser.parse(bytes)
                print(MessageSummary.text(message, reply: trimmer.trim(message), file: path))
            }
        }
        if output == .summary { print(totals.line) }
        return unreadable == 0 ? ExitCode.ok : ExitCode.noInput
    }
}
