/// Plain text from HTML: block elements become line breaks, entities are decoded,
/// `script`/`style` dropped, links kept readable as `text <url>`.
public enum HTMLText {
    public static func plainText(fromHTML html: String) -> String {
        // Placeholder until the converter lands (issue #2).
        html
    }
}
