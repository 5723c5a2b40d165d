/// Chooses the body text, the HTML body and the attachments from a parsed MIME tree.
///
/// Rules (the issue's, made precise):
/// - Of one `multipart/alternative`, only one `text/plain` and one `text/html` count
///   (see `keepOneAlternative`); the other text alternatives are dropped, not attachments.
/// - A leaf `text/plain` or `text/html` part is a body part unless it is an attachment
///   (`Content-Disposition: attachment` or a filename). Every other leaf is an attachment,
///   including the alternatives we do not show (`text/calendar`, `text/enriched`).
/// - `Message.text` joins every body `text/plain` part in tree order with a blank line:
///   Apple Mail splits one reply into text / image / text and all of it is the reply.
///   Blank ones are skipped. Without any, it is `HTMLText.plainText(fromHTML:)` of the HTML.
/// - HTML without a `charset` parameter uses its `<meta … charset=…>` when it has one.
/// - `format=flowed` text is unflowed (RFC 3676) so paragraphs are whole lines again.
/// - `Message.html` joins every body `text/html` part the same way, nil when there is none.
/// - An attached message (`message/rfc822`) is one attachment (its bytes as an `.eml`);
///   its own text and attachments do not leak into the outer message. Its parsed tree stays
///   available under `MIMEPart.children`.
/// - `isInline`: `Content-Disposition: inline`, or no disposition but a `Content-ID`
///   (images of a `multipart/related` referenced from the HTML).
struct BodySelector {
    private(set) var textParts: [String] = []
    private(set) var htmlParts: [String] = []
    private(set) var attachments: [Attachment] = []

    /// Walks `root`; tree depth is already bounded by the parser's nesting limit.
    mutating func collect(_ root: MIMEPart, diagnostics: inout [Diagnostic]) {
        visit(root, diagnostics: &diagnostics)
    }

    /// Blank text parts (an empty alternative, a stray delimiter) are skipped: a blank
    /// `text/plain` next to a real HTML body must not hide it.
    var text: String {
        // One part (nearly all mail) is returned as it is: `filter` and `joined` would copy.
        if textParts.count == 1, !textParts[0].allSatisfy(\.isWhitespace) { return textParts[0] }
        let meaningful = textParts.filter { !$0.allSatisfy(\.isWhitespace) }
        if meaningful.count == 1 { return meaningful[0] }
        if !meaningful.isEmpty { return meaningful.joined(separator: "\n\n") }
        if let html { return HTMLText.plainText(fromHTML: html) }
        return textParts.first ?? ""
    }

    var html: String? { htmlParts.count <= 1 ? htmlParts.first : htmlParts.joined(separator: "\n") }

    private mutating func visit(_ part: MIMEPart, diagnostics: inout [Diagnostic]) {
        if part.isEncapsulatedMessage {
            attachments.append(attachment(part))
            return
        }
        if part.isMultipart {
            let textBefore = textParts.count, htmlBefore = htmlParts.count
            for child in part.children { visit(child, diagnostics: &diagnostics) }
            if part.contentType == "multipart/alternative" {
                keepOneAlternative(textFrom: textBefore, htmlFrom: htmlBefore)
            }
            return
        }
        let isBodyCandidate = part.disposition != "attachment" && part.filename == nil
        if isBodyCandidate && part.contentType == "text/plain" {
            textParts.append(decodeText(part, diagnostics: &diagnostics))
        } else if isBodyCandidate && part.contentType == "text/html" {
            htmlParts.append(decodeText(part, diagnostics: &diagnostics))
        } else {
            attachments.append(attachment(part))
        }
    }

    /// RFC 2046 §5.1.4: alternatives are the same content; the last is the sender's
    /// preferred (richest) one. Of one `multipart/alternative` we keep the first non-blank
    /// `text/plain` (the simplest, best for ticket text) and the last `text/html`.
    private mutating func keepOneAlternative(textFrom textStart: Int, htmlFrom htmlStart: Int) {
        if textParts.count - textStart > 1 {
            let chosen = textParts[textStart...].first { !$0.allSatisfy(\.isWhitespace) } ?? textParts[textStart]
            textParts.removeSubrange(textStart...)
            textParts.append(chosen)
        }
        if htmlParts.count - htmlStart > 1, let last = htmlParts.last {
            htmlParts.removeSubrange(htmlStart...)
            htmlParts.append(last)
        }
    }

    private func decodeText(_ part: MIMEPart, diagnostics: inout [Diagnostic]) -> String {
        var charset = part.charset
        if charset == nil, part.contentType == "text/html" { charset = HTMLMetaCharset.find(in: part.body) }
        let text = ASCII.normalizingLineEnds(part.body).withUnsafeBufferPointer {
            CharsetDecoder.decode($0, charset: charset, diagnostics: &diagnostics)
        }
        guard part.contentType == "text/plain", part.parameters["format"]?.lowercased() == "flowed" else { return text }
        return FlowedText.unflow(text, deleteSpace: part.parameters["delsp"]?.lowercased() == "yes")
    }

    private func attachment(_ part: MIMEPart) -> Attachment {
        let inline = part.disposition == "inline" || (part.disposition == nil && part.contentID != nil)
        return Attachment(filename: part.filename, contentType: part.contentType, contentID: part.contentID,
                          isInline: inline, data: part.body)
    }
}
