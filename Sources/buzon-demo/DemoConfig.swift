import Foundation
import BuzonTesting

/// The demo desk's configuration file, written next to its database.
enum DemoConfig {
    /// The repository's `Templates/` (the demo runs from a checkout).
    static var templatesDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Templates").path
    }

    static func write(servers: LocalServers, into directory: String) throws -> String {
        let passwordFile = directory + "/mail.pass"
        try "demo-secret\n".write(toFile: passwordFile, atomically: true, encoding: .utf8)
        let text = """
        # Demo desk: soporte@ and ventas@ on a local Dovecot, notices through a local SMTP server.
        [gateway]
        ticket_prefix = "OP"
        first_ticket_number = 10044
        database = "buzon.sqlite"
        attachments_dir = "attachments"
        templates_dir = "\(templatesDirectory)"
        language = "es"
        unknown_sender = "reject"
        staff = ["marta.rios@empresa.com"]
        domain = "empresa.com"
        metrics_file = "metrics.prom"

        [business_hours]
        time_zone = "America/Santiago"

        [smtp]
        url = "\(servers.smtpURL())"
        username = "soporte"
        password_file = "mail.pass"
        from = "soporte@empresa.com"
        from_name = "Soporte Técnico Empresa"

        [[mailbox]]
        name = "soporte"
        url = "\(servers.imapURL())"
        username = "soporte"
        password_file = "mail.pass"
        address = "soporte@empresa.com"
        department = "Soporte"
        poll_seconds = 30
        after = "move:Procesados"

        [[mailbox]]
        name = "ventas"
        url = "\(servers.imapURL())"
        username = "ventas"
        password_file = "mail.pass"
        address = "ventas@empresa.com"
        department = "Ventas"
        after = "seen"

        [[organization]]
        name = "Constructora Andina"
        authorized = ["@andina.cl"]
        max_open_tickets = 3

        [[organization]]
        name = "Contabilidad Sur"
        authorized = ["jorge@contasur.com.uy", "maria@contasur.com.uy"]

        [[organization]]
        name = "Ferretería Lucía"
        authorized = ["lucia@ferreterialucia.cl"]
        max_open_tickets = 1
        """
        let path = directory + "/buzon.toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
