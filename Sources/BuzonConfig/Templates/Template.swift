import Foundation

/// One parsed template file: text and placeholders, checked when loaded so rendering cannot fail.
///
/// File format (`Templates/<lang>/<name>.txt`):
/// ```
/// ## Comment lines start with "## " and may only come before the Subject line.
/// Subject: [{{ticket_number}}] {{ticket_subject}}
///
/// {{reply_marker}}
/// Body text with {{ placeholders }}…
/// ```
/// Only `## ` (two hashes and a space) or a bare `##` before the Subject line is a comment: the
/// reply marker `##- … -##` starts with hashes too and belongs in the body.
struct Template: Sendable {
    enum Segment: Sendable, Hashable {
        case text(String)
        case placeholder(TemplatePlaceholder)
    }

    var name: TemplateName
    var language: String
    /// Path of the file it came from.
    var file: String
    var subject: [Segment]
    /// Body lines joined with LF, ending with one LF.
    var body: [Segment]

    /// Every placeholder used in the subject or body.
    var placeholders: Set<TemplatePlaceholder> {
        var result = Set<TemplatePlaceholder>()
        for case .placeholder(let placeholder) in subject + body {
            result.insert(placeholder)
        }
        return result
    }

    func render(_ values: TemplateValues, timeZone: TimeZone) -> RenderedTemplate {
        RenderedTemplate(subject: fill(subject, values, timeZone), body: fill(body, values, timeZone))
    }

    private func fill(_ segments: [Segment], _ values: TemplateValues, _ timeZone: TimeZone) -> String {
        var result = ""
        for segment in segments {
            switch segment {
            case .text(let text): result += text
            case .placeholder(let placeholder): result += values.text(for: placeholder, language: language, timeZone: timeZone)
            }
        }
        return result
    }
}
