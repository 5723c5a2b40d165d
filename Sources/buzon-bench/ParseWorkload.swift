import BuzonMIME
import BuzonTrim
import BuzonGateway

/// The per-message work the gateway does before any decision: parse (which decodes every
/// leaf's transfer encoding and the text bodies' charsets), look at every attachment's bytes,
/// and trim the reply. Sums are kept so none of it is dead code to the optimizer.
struct ParseWorkload {
    var parser = MessageParser()
    var trimmer = ReplyTrimmer()
    /// False measures the parser alone, to see how the time splits between parse and trim.
    var trims = true

    typealias Totals = ParseTotals

    /// One message, added to `totals` (see `ParseTotals.add`).
    func run(_ bytes: [UInt8], into totals: inout Totals) -> Message {
        let message = parser.parse(bytes)
        totals.add(bytes, message, reply: trims ? trimmer.trim(message) : nil)
        return message
    }

    /// Every input once, discarding the messages.
    func pass(_ inputs: [[UInt8]]) -> Totals {
        var totals = Totals()
        for bytes in inputs { _ = run(bytes, into: &totals) }
        return totals
    }
}
