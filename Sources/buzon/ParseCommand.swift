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
struct ParseCommand {
    enum Output: Equatable {
        /// A few readable lines per message.
        case human
        /// One JSON object per message; with several files, JSON Lines with a `file` key.
        case json
        /// Only one line of totals: the throughput instrument, without any formatting cost.
        case summary
    }

    static let usage = "usage: buzon parse [--json | --summary] FILE… (- for standard input)"

    var output: Output
    var paths: [String]
    var parser = MessageParser()
    var trimmer = ReplyTrimmer()

    /// Parses `buzon parse` arguments; the error text is ready to print.
    init(arguments: [String]) throws(UsageError) {
        var output = Output.human
        var paths: [String] = []
        for argument in arguments {
            switch argument {
            case "--json", "--summary":
                let requested: Output = argument == "--json" ? .json : .summary
                guard output == .human || output == requested else {
                    throw UsageError(message: "--json and --summary cannot be combined")
                }
                output = requested
            case "--help", "-h":
                throw UsageError(message: nil)
            case _ where argument.hasPrefix("-") && argument != "-":
                throw UsageError(message: "unknown option '\(argument)'")
            default:
                paths.append(argument)
            }
        }
        guard !paths.isEmpty else { throw UsageError(message: "no input files") }
        self.output = output
        self.paths = paths
    }

    struct UsageError: Error {
        /// Nil for an explicit request for help (printed to standard output, status 0).
        var message: String?
    }

    static func run(_ arguments: [String]) -> Int32 {
        do {
            return try ParseCommand(arguments: arguments).run()
        } catch {
            guard let message = error.message else {
                print(usage)
                return 0
            }
            FileHandle.standardError.write(Data("buzon parse: \(message)\n\(usage)\n".utf8))
            return 64
        }
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
        return unreadable == 0 ? 0 : 66
    }
}
