import Foundation

/// Every template the desk sends, for every language it writes in, checked at start-up.
///
/// Contract: `load` refuses a directory missing any `TemplateName` for any requested language,
/// or holding a template with an unknown placeholder, an unclosed `{{`, no `Subject:` line, or
/// (for messages customers answer) no `{{reply_marker}}` first line or no `{{ticket_number}}` in
/// the subject. Having passed that, `render` cannot fail while the desk is sending.
public struct TemplateSet: Sendable {
    /// Absolute or as-given directory holding `<lang>/<name>.txt`.
    public let directory: String
    /// Loaded languages; the first is the fallback for any other language asked for.
    public let languages: [String]
    /// Dates are shown in this zone (the desk's business-hours zone).
    public var timeZone: TimeZone
    /// Files in the directory that are not templates (likely misspelled names), worded for the operator.
    public let warnings: [String]
    private let templates: [String: [TemplateName: Template]]

    /// Loads `directory/<language>/<name>.txt` for every language and every `TemplateName`.
    public static func load(directory: String, languages: [String],
                            timeZone: TimeZone = TimeZone(identifier: "America/Santiago") ?? .gmt) throws(ConfigError) -> TemplateSet {
        guard !languages.isEmpty else {
            throw ConfigError(file: directory, line: nil, message: "no language asked for: set [gateway] language")
        }
        var templates: [String: [TemplateName: Template]] = [:]
        var warnings: [String] = []
        // Every template is read even after one fails: the error thrown carries all of them.
        var errors = EarliestError()
        for language in languages where templates[language] == nil {
            let languageDirectory = URL(fileURLWithPath: directory).appendingPathComponent(language).path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: languageDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
                errors.record(ConfigError(file: languageDirectory, line: nil, message: "no templates for language \(language): copy the Templates/\(language) directory shipped with Buzón there, or point templates_dir at it"))
                templates[language] = [:]
                continue
            }
            var byName: [TemplateName: Template] = [:]
            for name in TemplateName.allCases {
                byName[name] = errors.attempt { () throws(ConfigError) in try loadTemplate(name, language: language, directory: languageDirectory) }
            }
            templates[language] = byName
            warnings += strayFiles(in: languageDirectory)
        }
        try errors.throwIfAny()
        var distinct: [String] = []
        for language in languages where !distinct.contains(language) {
            distinct.append(language)
        }
        return TemplateSet(directory: directory, languages: distinct, timeZone: timeZone, warnings: warnings, templates: templates)
    }

    private static func loadTemplate(_ name: TemplateName, language: String, directory: String) throws(ConfigError) -> Template {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(name.fileName).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: nil, message: "missing template \"\(name.rawValue)\" for language \(language): copy \(name.fileName) from the Templates/\(language) directory shipped with Buzón and adapt it")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, message: "the template is not UTF-8 text: save it as UTF-8")
        }
        return try Template.parse(text, file: path, name: name, language: language)
    }

    /// `.txt` files that are not templates: probably a misspelled name the desk would never use.
    private static func strayFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let known = TemplateName.allCases.map(\.fileName)
        return names.sorted().filter { $0.hasSuffix(".txt") && !known.contains($0) }.map { file in
            let hint = EditDistance.hint(for: file, among: known)
            return "\(directory)/\(file) is not a template Buzón uses\(hint); known: \(known.joined(separator: ", "))"
        }
    }

    /// Fills `name` in `language` (the first loaded language when that one is not loaded).
    public func render(_ name: TemplateName, language: String, values: TemplateValues) -> RenderedTemplate {
        let template = (templates[language] ?? templates[languages[0]])![name]!
        return template.render(values, timeZone: timeZone)
    }

    /// The placeholders a template uses, e.g. to decide which values are worth computing.
    public func placeholders(of name: TemplateName, language: String) -> Set<TemplatePlaceholder> {
        (templates[language] ?? templates[languages[0]])?[name]?.placeholders ?? []
    }

    /// `name` rendered with sample values (ticket OP10044), overridden by `ticketNumber`
    /// when given: what `buzon templates render NAME --ticket OP10044` prints.
    public func preview(_ name: TemplateName, language: String, ticketNumber: String? = nil) -> RenderedTemplate {
        var values = TemplateValues.sample(language: language)
        if let ticketNumber {
            values.ticketNumber = ticketNumber
        }
        return render(name, language: language, values: values)
    }
}
