import Foundation
import BuzonTickets

/// `[[category]]`: a category chosen by keywords (by default Soporte / Cambio / Consultoría).
extension CategoryRule {
    static let configKeys = ["name", "keywords"]

    init(section: ConfigSection) throws(ConfigError) {
        let name = try section.required(section.text("name"), "name", example: "\"Cambio\"")
        let keywords = try section.strings("keywords") ?? []
        guard !keywords.isEmpty else {
            throw section.error("category \"\(name)\" has no keywords: add keywords = [\"…\"] (mail matching none gets default_category)",
                                line: section.line(of: "keywords") ?? section.headerLine)
        }
        for keyword in keywords where keyword.value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw section.error("empty keyword in category \"\(name)\"", line: keyword.line)
        }
        self.init(name: name, keywords: keywords.map { $0.value.lowercased() })
    }
}
