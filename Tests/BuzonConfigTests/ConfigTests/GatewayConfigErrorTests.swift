import Testing
import Foundation
@testable import BuzonConfig

/// Mistakes an operator makes, each reported at the right line with what to do.
@Suite struct GatewayConfigErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var line: Int?
        var message: String
        var testDescription: String { message }
    }

    // Line numbers in MinimalConfig.text: [gateway] 1, gateway lines from 2, [smtp] 4 (+ lines
    // in gateway), ...; the cases below use one-line insertions so the lines are easy to count:
    // gateway: line 2; smtp extra: line 6; mailbox extra: line 13; more: line 14.
    static let cases: [Case] = [
        Case(text: MinimalConfig.text(mailbox: "pol_seconds = 30"), line: 13,
             message: "unknown key \"pol_seconds\" in [[mailbox]] (did you mean \"poll_seconds\"?)"),
        Case(text: MinimalConfig.text(gateway: "lenguage = \"es\""), line: 2,
             message: "unknown key \"lenguage\" in [gateway] (did you mean \"language\"?)"),
        Case(text: MinimalConfig.text(gateway: "colour = 1"), line: 2,
             message: "unknown key \"colour\" in [gateway]; known keys: ticket_prefix"),
        Case(text: MinimalConfig.text(more: "[bussiness_hours]"), line: 14,
             message: "unknown section [bussiness_hours] (did you mean \"business_hours\"?)"),
        Case(text: MinimalConfig.text(more: "[mailbox]"), line: 14,
             message: "[mailbox] here but [[mailbox]] on line 8"),
        Case(text: MinimalConfig.text(more: "[[organisation]]"), line: 14,
             message: "unknown section [organisation] (did you mean \"organization\"?)"),
        Case(text: MinimalConfig.text(more: "[[smtp]]").replacingOccurrences(of: "[smtp]\n", with: "[business_hours]\n"), line: 14,
             message: "[[smtp]] must be written [smtp]"),
        Case(text: "poll_seconds = 5\n" + MinimalConfig.text(), line: 1,
             message: "key \"poll_seconds\" is outside any section"),
        Case(text: MinimalConfig.text(mailbox: "poll_seconds = \"60\""), line: 13,
             message: "\"poll_seconds\" must be an integer, found string: write poll_seconds = 1"),
        Case(text: MinimalConfig.text(mailbox: "require_tls = \"yes\""), line: 13,
             message: "\"require_tls\" must be true or false, found string"),
        Case(text: MinimalConfig.text(gateway: "language = 1"), line: 2,
             message: "\"language\" must be a string, found integer"),
        Case(text: MinimalConfig.text(gateway: "staff = \"ana@empresa.com\""), line: 2,
             message: "\"staff\" must be an array of strings, found string"),
        Case(text: MinimalConfig.text(gateway: "staff = [\n  \"ana@empresa.com\",\n  \"luis\",\n]"), line: 4,
             message: "\"luis\" in staff is not an address (ana@empresa.com)"),
        Case(text: MinimalConfig.text(gateway: "reply_markers = [\n 1,\n]"), line: 3,
             message: "\"reply_markers\" must be an array of strings, found integer elements"),
        Case(text: MinimalConfig.text(gateway: "language = \"fr\""), line: 2,
             message: "\"language\" must be one of \"es\", \"en\", found \"fr\""),
        Case(text: MinimalConfig.text(gateway: "unknown_sender = \"rejct\""), line: 2,
             message: "found \"rejct\" (did you mean \"reject\"?)"),
        Case(text: MinimalConfig.text(gateway: "ticket_prefix = \"OP-\""), line: 2,
             message: "\"ticket_prefix\" must be 1 to 10 letters"),
        Case(text: MinimalConfig.text(gateway: "max_auto_replies_per_hour = -1"), line: 2,
             message: "\"max_auto_replies_per_hour\" must be between 0 and 10000, found -1"),
        Case(text: MinimalConfig.text(gateway: "domain = \"not a domain\""), line: 2,
             message: "\"domain\" must be a domain name"),
        Case(text: MinimalConfig.text(gateway: "log_level = \"verbose\""), line: 2,
             message: "\"log_level\" must be one of \"debug\", \"info\", \"warning\", \"error\""),
        Case(text: MinimalConfig.text(gateway: "reply_markers = [\"--\"]"), line: 2,
             message: "reply marker \"--\" is too short"),
        Case(text: MinimalConfig.text(gateway: "database = \"\""), line: 2,
             message: "\"database\" must not be empty"),
        Case(text: MinimalConfig.text(smtp: "from_name = \"X\"").replacingOccurrences(of: "from = \"soporte@empresa.com\"\n", with: ""), line: 4,
             message: "missing required key \"from\" in [smtp]: add from = \"soporte@empresa.com\""),
        Case(text: MinimalConfig.text(smtp: "url = \"http://mail\""), line: 6,
             message: "\"url\": unsupported scheme \"http\": use one of smtp, smtps"),
        Case(text: MinimalConfig.text(smtp: "url = \"smtp://user:pw@mail\""), line: 6,
             message: "do not put the user name or password in the URL"),
        Case(text: MinimalConfig.text(smtp: "url = \"smtp://mail:99999\""), line: 6,
             message: "invalid port \"99999\""),
        Case(text: MinimalConfig.text(smtp: "url = \"smtp://mail/x\""), line: 6,
             message: "an SMTP URL has no path"),
        Case(text: MinimalConfig.text(smtp: "retry_max_seconds = 10"), line: 6,
             message: "\"retry_max_seconds\" (10) must not be less than retry_base_seconds (60)"),
        Case(text: MinimalConfig.text(smtp: "password = \"a\"\npassword_file = \"b\""), line: 7,
             message: "set only one of password_file, password in [smtp]"),
        Case(text: MinimalConfig.text(mailbox: "password_env = \"X\"\nxoauth2_token_file = \"t\""), line: 14,
             message: "set either a password or xoauth2_token_file"),
        Case(text: MinimalConfig.text(mailbox: "after = \"move:\""), line: 13,
             message: "\"after\": name the folder"),
        Case(text: MinimalConfig.text(mailbox: "after = \"archive\""), line: 13,
             message: "\"after\" must be \"seen\", \"delete\" or \"move:Folder\""),
        Case(text: MinimalConfig.text().replacingOccurrences(of: "address = \"soporte@empresa.com\"", with: "address = \"soporte\""), line: 11,
             message: "\"address\" must be an e-mail address like soporte@empresa.com"),
        Case(text: MinimalConfig.text().replacingOccurrences(of: "department = \"Soporte\"\n", with: ""), line: 8,
             message: "missing required key \"department\" in [[mailbox]]"),
        Case(text: MinimalConfig.text().replacingOccurrences(of: "imaps://mail.empresa.com/INBOX", with: "mail.empresa.com"), line: 10,
             message: "\"mail.empresa.com\" is not a URL: write it like imaps://mail.example.com/INBOX"),
        Case(text: MinimalConfig.text(more: "[[mailbox]]\nname = \"Soporte\"\nurl = \"imaps://m/INBOX\"\naddress = \"otro@empresa.com\"\ndepartment = \"X\""), line: 14,
             message: "duplicate mailbox name \"soporte\" (first on line 8)"),
        Case(text: MinimalConfig.text(more: "[[mailbox]]\nname = \"b\"\nurl = \"imaps://m/INBOX\"\naddress = \"SOPORTE@empresa.com\"\ndepartment = \"X\""), line: 14,
             message: "duplicate mailbox address \"soporte@empresa.com\" (first on line 8)"),
        Case(text: MinimalConfig.text().components(separatedBy: "[[mailbox]]")[0], line: nil,
             message: "no [[mailbox]] configured"),
        Case(text: MinimalConfig.text().replacingOccurrences(of: "[smtp]\nfrom = \"soporte@empresa.com\"", with: ""), line: nil,
             message: "missing [smtp] section"),
        Case(text: MinimalConfig.text(more: "[business_hours]\ntime_zone = \"America/Santiagp\""), line: 15,
             message: "unknown time zone \"America/Santiagp\" (did you mean \"America/Santiago\"?)"),
        Case(text: MinimalConfig.text(more: "[business_hours]\ndays = [\"mon\",\n \"thurs\"]"), line: 16,
             message: "unknown day \"thurs\""),
        Case(text: MinimalConfig.text(more: "[business_hours]\ndays = []"), line: 15,
             message: "\"days\" must name at least one working day"),
        Case(text: MinimalConfig.text(more: "[business_hours]\nopen = \"9:00\""), line: 15,
             message: "\"open\" must be a time \"HH:MM\""),
        Case(text: MinimalConfig.text(more: "[business_hours]\nopen = \"25:00\""), line: 15,
             message: "\"open\" must be a time \"HH:MM\""),
        Case(text: MinimalConfig.text(more: "[business_hours]\nopen = \"18:00\"\nclose = \"09:00\""), line: 16,
             message: "\"close\" must be later than \"open\""),
        Case(text: MinimalConfig.text(more: "[business_hours]\nholidays = [\n\"2026-02-30\"]"), line: 16,
             message: "holiday \"2026-02-30\" is not a date"),
        Case(text: MinimalConfig.text(more: "[[organization]]\nname = \"A\"\nauthorized = [\"ana@andina.cl\", \"andina.cl\"]"), line: 16,
             message: "\"andina.cl\" in authorized is not an address (ana@andina.cl) or a whole domain (@andina.cl)"),
        Case(text: MinimalConfig.text(more: "[[organization]]\nname = \"A\""), line: 14,
             message: "organization \"A\" authorizes nobody"),
        Case(text: MinimalConfig.text(more: "[[organization]]\nname = \"A\"\nauthorized = [\"@a.cl\"]\nlanguage = \"pt\""), line: 17,
             message: "\"language\" must be one of \"es\", \"en\", found \"pt\""),
        Case(text: MinimalConfig.text(more: "[[organization]]\nname = \"A\"\nauthorized = [\"@a.cl\"]\n[[organization]]\nname = \"a\"\nauthorized = [\"@b.cl\"]"), line: 17,
             message: "duplicate organization name \"a\" (first on line 14)"),
        Case(text: MinimalConfig.text(more: "[[organization]]\nname = \"A\"\nauthorized = [\"@a.cl\"]\n[[organization]]\nname = \"B\"\nauthorized = [\"x@b.cl\", \"@A.cl\"]"), line: 17,
             message: "duplicate authorized entry \"@a.cl\" (first on line 14): an address or domain belongs to one organization"),
        Case(text: MinimalConfig.text(more: "[[category]]\nname = \"Cambio\""), line: 14,
             message: "category \"Cambio\" has no keywords"),
        Case(text: MinimalConfig.text(more: "[[category]]\nname = \"X\"\nkeywords = [\"a\"]\n[[category]]\nname = \"x\"\nkeywords = [\"b\"]"), line: 17,
             message: "duplicate category name \"x\" (first on line 14)"),
    ]

    @Test(arguments: cases) func errorIsLocatedAndExplained(_ testCase: Case) {
        do {
            let config = try GatewayConfig.parse(testCase.text, file: "buzon.toml", baseDirectory: "/etc/buzon")
            Issue.record("loaded without error: \(config.mailboxes.map(\.name))")
        } catch {
            #expect(error.line == testCase.line, "\(error)")
            #expect(error.message.contains(testCase.message), "\(error)")
            #expect(error.file == "buzon.toml")
        }
    }

    /// Sections are read in dependency order; the error reported is still the topmost one.
    @Test func theTopmostOfSeveralErrorsIsReported() {
        let text = MinimalConfig.text(gateway: "language = \"fr\"", smtp: "timeout_seconds = 0", mailbox: "poll_seconds = 0",
                                      more: "[business_hours]\nopen = \"x\"")
        do {
            _ = try GatewayConfig.parse(text, file: "buzon.toml")
            Issue.record("loaded without error")
        } catch {
            #expect(error.line == 2 && error.message == "\"language\" must be one of \"es\", \"en\", found \"fr\"", "\(error)")
            // Issue #10 item 14: every section's error comes with it, for check-config to list.
            #expect(error.all.count == 4, "\(error.all)")
            #expect(error.others.map(\.message).contains { $0.contains("timeout_seconds") }, "\(error.others)")
            #expect(error.others.map(\.message).contains { $0.contains("poll_seconds") }, "\(error.others)")
        }
        let withoutGatewayError = text.replacingOccurrences(of: "language = \"fr\"", with: "")
        #expect { try GatewayConfig.parse(withoutGatewayError, file: "buzon.toml") } throws: { ($0 as? ConfigError)?.line == 6 }
        let onlyLaterErrors = withoutGatewayError.replacingOccurrences(of: "timeout_seconds = 0", with: "")
        #expect { try GatewayConfig.parse(onlyLaterErrors, file: "buzon.toml") } throws: { ($0 as? ConfigError)?.line == 13 }
    }

    @Test func aSuggestionReplacesTheListOfKnownKeys() {
        #expect { try GatewayConfig.parse(MinimalConfig.text(gateway: "lenguage = \"es\""), file: "buzon.toml") } throws: { error in
            (error as? ConfigError)?.description == "buzon.toml:2: unknown key \"lenguage\" in [gateway] (did you mean \"language\"?)"
        }
    }

    @Test func suiteHasCases() {
        #expect(Self.cases.count > 40)
    }
}
