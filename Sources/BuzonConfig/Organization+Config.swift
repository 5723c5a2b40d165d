import BuzonTickets

/// `[[organization]]`: a customer and the addresses allowed to open tickets for it
/// (only addresses authorized in the customer's account may open or continue tickets).
extension Organization {
    static let configKeys = ["name", "authorized", "max_open_tickets", "language"]

    init(section: ConfigSection, languages: [String]) throws(ConfigError) {
        let name = try section.required(section.text("name"), "name", example: "\"Andina Ltda.\"")
        let authorized = try section.addressesOrDomains("authorized", allowDomains: true) ?? []
        guard !authorized.isEmpty else {
            throw section.error("organization \"\(name)\" authorizes nobody: add authorized = [\"ana@andina.cl\", \"@andina.cl\"]",
                                line: section.line(of: "authorized") ?? section.headerLine)
        }
        let maxOpen = try section.integer("max_open_tickets", in: 1...100_000)
        let language = try section.choice("language", among: languages)
        self.init(name: name, authorized: authorized, maxOpenTickets: maxOpen, language: language)
    }
}
