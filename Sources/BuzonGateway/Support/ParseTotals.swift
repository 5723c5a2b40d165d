import Foundation
import BuzonMIME
import BuzonTrim

/// Totals of the per-message understanding work the gateway does before any decision
/// (`MessageProcessor.understand`: parse, decode every part, trim), and nothing else — the
/// throughput instrument shared by `buzon parse --summary` and `buzon-bench parse`. Sums are
/// kept so none of the work is dead code to the optimizer.
public struct ParseTotals: Sendable {
    public var messages = 0
    public var inputBytes = 0
    /// Unicode scalars of the decoded best text body (text bodies are decoded to UTF-8 by the parser).
    public var textCharacters = 0
    /// Decoded bytes of every attachment and inline part.
    public var attachmentBytes = 0
    public var leafParts = 0
    /// Unicode scalars of the trimmed replies (counted so the trim is real work, not dead code).
    public var replyCharacters = 0
    /// Time spent in `measure` (parse + trim only; reading files is not timed).
    public var seconds = 0.0

    public init() {}

    /// Parses and trims one message, timed, and adds it up.
    public mutating func measure(_ bytes: [UInt8], parser: MessageParser, trimmer: ReplyTrimmer) {
        let start = DispatchTime.now().uptimeNanoseconds
        let message = parser.parse(bytes)
        add(bytes, message, reply: trimmer.trim(message))
        seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Adds up one message already parsed (and trimmed, or `nil` for parse-only figures).
    /// Attachment bytes are only counted: the parser already decoded them, which is the cost.
    public mutating func add(_ bytes: [UInt8], _ message: Message, reply: TrimmedReply?) {
        messages += 1
        inputBytes += bytes.count
        textCharacters += ParseTotals.scalarCount(message.text)
        attachmentBytes += message.attachments.reduce(0) { $0 + $1.data.count }
        leafParts += message.root.leafCount
        replyCharacters += reply.map { ParseTotals.scalarCount($0.text) } ?? 0
    }

    /// The Unicode scalars of `text`, counted inside the timed region: in UTF-8 (every
    /// `String`'s storage) a scalar starts at each byte that is not a continuation byte
    /// (`10xxxxxx`). Same number as `unicodeScalars.count`, which decodes scalar by scalar
    /// and cost ~2% of the measured time.
    public static func scalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { utf8 in
            // Eight bytes at a time: a continuation byte has bit 7 set and bit 6 clear, and
            // `word << 1` moves each byte's bit 6 under its bit 7.
            let raw = UnsafeRawBufferPointer(utf8)
            var continuations = 0
            var offset = 0
            while offset + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                offset += 8
            }
            for byte in raw[offset...] where byte & 0xC0 == 0x80 { continuations += 1 }
            return raw.count - continuations
        }
    }

    /// `messages=… input_bytes=… … seconds=…`: the one line `buzon parse --summary` prints.
    public var line: String {
        "messages=\(messages) input_bytes=\(inputBytes) text_chars=\(textCharacters) "
            + "attachment_bytes=\(attachmentBytes) leaf_parts=\(leafParts) "
            + "reply_chars=\(replyCharacters) "
            + "seconds=\(String(format: "%.3f", seconds))"
    }
}
