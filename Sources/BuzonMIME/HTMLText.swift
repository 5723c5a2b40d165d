/// Plain text from HTML: block elements become line breaks, entities are decoded,
/// `script`/`style`/`head`/comments dropped, links kept readable as `text <url>`.
///
/// Contract: one pass over the UTF-8 bytes, never traps on broken HTML, output has no
/// leading or trailing blank lines, no trailing spaces, and never two blank lines in a row.
///
/// Rendering choices (what a reader of a ticket wants, close to a browser's copy-paste):
/// - `p`, `h1`–`h6`, `pre`, `blockquote`, top-level `ul`/`ol` end paragraphs (a blank line),
///   except Outlook's `p class=MsoNormal`, whose CSS removes the margins: a plain line break.
/// - `div`, `li`, `tr`, `table` and the other block elements end lines; `br` always does.
/// - table cells are separated by one space.
/// - `li` is written `- item`, indented two spaces per nested list.
/// - `blockquote` lines are prefixed with `> ` so the reply trimmer sees them as quotes.
/// - `&nbsp;` becomes a plain space (not collapsed, but trailing ones are trimmed).
/// - `<a href=u>t</a>` becomes `t <u>`; just `t` when `t` is `u` (ignoring scheme and a
///   trailing `/`) or when `u` is `mailto:t`; nothing is added for links without text
///   (image links in signatures would only add noise).
public enum HTMLText {
    public static func plainText(fromHTML html: String) -> String {
        var renderer = HTMLTextRenderer(bytes: Array(html.utf8))
        return renderer.render().text
    }

    /// The text, as UTF-8, up to the first start tag `stop` accepts (the reply trimmer's
    /// quote cut), in the same single pass; `stop` sees the tag and a tokenizer positioned
    /// after it, which it may copy to look ahead. `stopped` tells whether it cut. Bytes, not
    /// a `String`: the trimmer splits them into lines and makes one `String` at the end.
    package static func plainTextBytes(fromHTML bytes: [UInt8],
                                       stoppingAt stop: (HTMLTag, HTMLTokenizer) -> Bool) -> (bytes: [UInt8], stopped: Bool) {
        var renderer = HTMLTextRenderer(bytes: bytes)
        return renderer.renderBytes(stoppingAt: stop)
    }

    /// The first `count` non-blank lines of `plainText(fromHTML:)`'s text, exactly, rendering
    /// only as far as needed to know them: the reply trimmer peeks at the start of every quote
    /// for a forward banner. Lines after them may be missing or cut short.
    package static func plainText(fromHTML bytes: [UInt8], leadingLines count: Int) -> String {
        var renderer = HTMLTextRenderer(bytes: bytes)
        return renderer.renderLeadingLines(count)
    }
}
