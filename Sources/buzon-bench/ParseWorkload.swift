import BuzonMIME
import BuzonTrim

/// The per-message work the gateway does before any decision: parse (which decodes every
/// leaf's transfer encoding and the text bodies' charsets), look at every attachment's bytes,
/// and trim the reply. Sums are kept so none of it is dead code to the optimizer.
struct ParseWorkload {
    var parser = MessageParser()
    var trimmer = ReplyTrimmer()
    /// False measures the parser alone, to see how the time splits between parse and trim.
    var trims = true

    struct Totals {
        var messages = 0
        var inputBytes = 0
        var textCharacters = 0
        var attachmentBytes = 0
        var leafParts = 0
        var replyCharacters = 0
    }

    /// One message. Attachment bytes are only counted: the parser has already decoded
    /// them into `Attachment.data`, which is the cost being measured.
    func run(_ bytes: [UInt8], into totals: inout Totals) -> Message {
        let message = parser.parse(bytes)
        let reply = trims ? trimmer.trim(message) : TrimmedReply(text: "", cut: nil)
        totals.messages += 1
        totals.inputBytes += bytes.count
        totals.textCharacters += ParseWorkload.scalarCount(message.text)
        totals.attachmentBytes += message.attachments.reduce(0) { $0 + $1.data.count }
        totals.leafParts += message.root.leafCount
        totals.replyCharacters += ParseWorkload.scalarCount(reply.text)
        return message
    }

    /// The Unicode scalars of `text`: in UTF-8 a scalar starts at each byte that is not a
    /// continuation byte (`10xxxxxx`). Same number as `unicodeScalars.count`, without
    /// decoding scalar by scalar (that cost ~2% of a benchmark pass). `buzon`'s
    /// `ParseTotals` counts the same way; the two executables share no module to put it in.
    static func scalarCount(_ text: String) -> Int {
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

    /// Every input once, discarding the messages.
    func pass(_ inputs: [[UInt8]]) -> Totals {
        var totals = Totals()
        for bytes in inputs { _ = run(bytes, into: &totals) }
        return totals
    }
}
