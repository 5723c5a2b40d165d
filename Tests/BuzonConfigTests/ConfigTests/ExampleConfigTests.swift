import Testing
import Foundation
import BuzonTesting
import BuzonTickets
@testable import BuzonConfig

/// The example configurations shipped in config/.
@Suite struct ExampleConfigTests {
    @Test func shippedExampleLoadsAsDocumented() throws {
        let config = try GatewayConfig.load(path: Repository.exampleConfig)
        #expect(config.mailboxes.map(\.name) == ["soporte", "ventas"])
        #expect(config.mailboxes[0].password?.source == .file(path: "/etc/buzon/soporte.pass"))
        #expect(config.mailboxes[1].password?.source == .environment(variable: "BUZON_VENTAS_PASSWORD"))
        #expect(config.mailboxes[1].after == .move(folder: "Procesados"))
        #expect(config.organizations.count == 2)
        #expect(config.languages == ["es", "en"])
        #expect(config.calendar.holidays.count == 3)
        #expect(config.categories.map(\.name) == ["Cambio", "Consultoría"])
        #expect(config.staff.count == 2)
        #expect(config.warnings.count == 1) // trusted_authserv_id is commented out
        // Absolute paths in the unit's state directory: under deploy/buzon.service /etc is read-only.
        #expect(config.database == "/var/lib/buzon/buzon.sqlite")
        #expect(config.attachmentsDirectory == "/var/lib/buzon/attachments")
        #expect(config.templatesDirectory == "/etc/buzon/Templates")
    }

    /// Every key the loader knows appears in the example (set or commented), so operators see it.
    @Test func exampleShowsEveryKey() throws {
        let text = try String(contentsOfFile: Repository.exampleConfig, encoding: .utf8)
        let keys = GatewayConfig.gatewayKeys + SMTPConfig.keys + MailboxConfig.keys + Organization.configKeys
            + CategoryRule.configKeys + BuzonTickets.BusinessCalendar.configKeys
        #expect(keys.count > 50)
        for key in Set(keys) {
            #expect(text.contains("\n\(key) =") || text.contains("\n# \(key) ="), "\(key) is not in the example")
        }
    }

    @Test func minimalExampleLoadsWithoutWarnings() throws {
        let config = try GatewayConfig.load(path: Repository.root + "/config/buzon.minimal.toml")
        #expect(config.warnings.isEmpty)
        #expect(config.mailboxes[0].requireTLS == false)
        #expect(config.smtp.url.port == 2525)
        #expect(config.domain == "empresa.test")
        #expect(try config.mailboxes[0].password?.resolve(environment: ["BUZON_IMAP_PASSWORD": "pw"]) == "pw")
    }
}
