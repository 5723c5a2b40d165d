import Foundation

/// Reading a template file, with errors that name the file and line.
extension Template {
    static func parse(_ text: String, file: String, name: TemplateName, language: String) throws(ConfigError) -> Template {
        func fail(_ line: Int, _ message: String) -> ConfigError {
            ConfigError(file: file, line: line, message: message)
        }
        var text = text
        if text.hasPrefix("\u{FEFF}") {
            text.removeFirst()
        }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count, isCommentOrBlank(lines[index]) {
            index += 1
        }
        guard index < lines.count, lines[index].lowercased().hasPrefix("subject:") else {
            throw fail(min(index + 1, max(lines.count, 1)), "expected \"Subject: …\" as the first line (only comment lines starting with \"## \" may come before it)")
        }
        let subjectLine = index + 1
        let subjectText = lines[index].dropFirst("subject:".count).trimmingCharacters(in: .whitespaces)
        guard !subjectText.isEmpty else {
            throw fail(subjectLine, "the Subject line is empty: write a subject like \"Subject: [{{ticket_number}}] {{ticket_subject}}\"")
        }
        guard index + 1 < lines.count, lines[index + 1].trimmingCharacters(in: .whitespaces).isEmpty else {
            throw fail(subjectLine + 1, "expected a blank line after the Subject line, then the body")
        }
        var bodyLines = Array(lines[(index + 2)...])
        while let last = bodyLines.last, last.trimmingCharacters(in: .whitespaces).isEmpty {
            bodyLines.removeLast()
        }
        guard !bodyLines.isEmpty else {
            throw fail(subjectLine + 2, "the template has no body: write the message below the blank line")
        }
        let subject = try segments(of: subjectText, file: file, line: subjectLine)
        var body: [Segment] = []
        for (offset, line) in bodyLines.enumerated() {
            body += try segments(of: line + "\n", file: file, line: subjectLine + 2 + offset)
        }
        let template = Template(name: name, language: language, file: file, subject: subject, body: body)
        try template.checkRequirements(subjectLine: subjectLine, firstBodyLine: bodyLines[0])
        return template
    }

    /// `## comment`, a bare `##`, or a blank line (before the Subject line only).
    private static func isCommentOrBlank(_ line: String) -> Bool {
        line.hasPrefix("## ") || line.trimmingCharacters(in: .whitespaces) == "##" || line.trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// Splits one line into text and `{{ placeholder }}` segments.
    static func segments(of line: String, file: String, line number: Int) throws(ConfigError) -> [Segment] {
        var result: [Segment] = []
        var rest = Substring(line)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex {
                result.append(.text(String(rest[..<open.lowerBound])))
            }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw ConfigError(file: file, line: number, message: "unclosed {{ : close the placeholder with }} on the same line")
            }
            let name = String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
            guard let placeholder = TemplatePlaceholder(rawValue: name) else {
                let hint = EditDistance.hint(for: name, among: TemplatePlaceholder.allCases.map(\.rawValue))
                throw ConfigError(file: file, line: number, message: "unknown placeholder {{\(name)}}\(hint) (known: \(TemplatePlaceholder.knownList))")
            }
            result.append(.placeholder(placeholder))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty {
            result.append(.text(String(rest)))
        }
        return result
    }

    /// What each kind of message needs so that replies thread and trim, and staff text arrives.
    private func checkRequirements(subjectLine: Int, firstBodyLine: String) throws(ConfigError) {
        if name.customerMayReply {
            guard subject.contains(.placeholder(.ticketNumber)) else {
                throw ConfigError(file: file, line: subjectLine, message: "the subject must contain {{ticket_number}} so that answers thread back to the ticket, like \"Subject: [{{ticket_number}}] {{ticket_subject}}\"")
            }
            let firstLine = try Self.segments(of: firstBodyLine.trimmingCharacters(in: .whitespaces), file: file, line: subjectLine + 2)
            guard firstLine == [.placeholder(.replyMarker)] else {
                throw ConfigError(file: file, line: subjectLine + 2, message: "the first body line must be {{reply_marker}} alone, so that answers are cut above the quoted message")
            }
        }
        for required in name.requiredPlaceholders where !placeholders.contains(required) {
            throw ConfigError(file: file, line: subjectLine, message: "the \(name.rawValue) template must use {{\(required.rawValue)}} somewhere")
        }
    }
}
