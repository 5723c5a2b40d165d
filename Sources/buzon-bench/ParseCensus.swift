import BuzonMIME

/// An untimed pass that counts what the parser made of the corpus: how many messages it
/// gave up on, and its diagnostics by code.
///
/// "Gave up" means the result has no header fields at all (nothing of the message was
/// understood) or carries a `truncated` diagnostic (the parser stopped before the end).
struct ParseCensus {
    var messages = 0
    var gaveUp = 0
    var withDiagnostics = 0
    var diagnostics: [Diagnostic.Code: Int] = [:]
    var totals = ParseWorkload.Totals()

    init(workload: ParseWorkload, inputs: [[UInt8]]) {
        for bytes in inputs {
            let message = workload.run(bytes, into: &totals)
            messages += 1
            if message.headers.count == 0 || message.diagnostics.contains(where: { $0.code == .truncated }) {
                gaveUp += 1
            }
            if !message.diagnostics.isEmpty { withDiagnostics += 1 }
            for diagnostic in message.diagnostics { diagnostics[diagnostic.code, default: 0] += 1 }
        }
    }

    var report: String {
        let codes = diagnostics.sorted { $0.value > $1.value }.map { "\($0.key.rawValue) \($0.value)" }
        return "parser: gave up on \(gaveUp) of \(messages) messages; \(withDiagnostics) with diagnostics"
            + (codes.isEmpty ? "" : " (" + codes.joined(separator: ", ") + ")")
            + "\nbuzon: decoded \(totals.textCharacters) text characters, \(totals.attachmentBytes) attachment bytes, "
            + "\(totals.leafParts) leaf parts, \(totals.replyCharacters) reply characters"
    }
}
