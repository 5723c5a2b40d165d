import Testing
import Foundation
import BuzonTesting
import BuzonTickets
import BuzonTransport
import BuzonTrim
@testable import BuzonConfig

@Suite struct GatewayConfigTests {
    @Test func minimalConfigGetsEveryDefault() throws {
        let config = try GatewayConfig.parse(MinimalConfig.text(), file: "buzon.toml", baseDirectory: "/etc/buzon")
        #expect(config.ticketPrefix == "OP")
        #expect(config.firstTicketNumber == 10000)
        #expect(config.database == "/etc/buzon/buzon.sqlite")
        #expect(config.attachmentsDirectory == "/etc/buzon/attachments")
        #expect(config.templatesDirectory == "/etc/buzon/Templates")
        #expect(config.language == "es")
        #expect(config.reopenWindowDays == 14)
        #expect(config.unknownSender == .reject)
        #expect(config.staff.isEmpty)
        #expect(config.domain == "empresa.com")
        #expect(config.acknowledgeFollowUps == false)
        #expect(config.maxAutoRepliesPerHour == 5)
        #expect(config.trustedAuthservID == nil)
        #expect(config.replyMarkers == ReplyTrimmer.defaultMarkers)
        #expect(config.defaultCategory == "Soporte")
        #expect(config.autoCloseBusinessDays == 2)
        #expect(config.firstResponseHours == 4)
        #expect(config.staleHours == 24)
        #expect(config.maxMessageBytes == 26_214_400)
        #expect(config.deadLetterFolder == "Buzon-DeadLetter")
        #expect(config.metricsFile == nil)
        #expect(config.logLevel == .info)
        #expect(config.categories == CategoryRule.defaults)
        #expect(config.calendar == BusinessCalendar())
        #expect(config.organizations.isEmpty)

        #expect(config.smtp.url == ServerURL(scheme: "smtp", host: "127.0.0.1", port: 25))
        #expect(config.smtp.from == "soporte@empresa.com")
        #expect(config.smtp.fromName == "Soporte")
        #expect(config.smtp.requireTLS == false) // loopback
        #expect(config.smtp.password == nil)
        #expect(config.smtp.timeoutSeconds == 30)
        #expect(config.smtp.retryBaseSeconds == 60)
        #expect(config.smtp.retryMaxSeconds == 3600)
        #expect(config.smtp.maxAttempts == 10)

        let mailbox = try #require(config.mailboxes.first)
        #expect(mailbox.url == ServerURL(scheme: "imaps", host: "mail.empresa.com", port: 993, path: "INBOX"))
        #expect(mailbox.pollSeconds == 60)
        #expect(mailbox.after == .seen)
        #expect(mailbox.unknownSender == nil)
        #expect(mailbox.requireTLS == true) // not loopback
        #expect(mailbox.batchSize == 50)
        #expect(mailbox.maxMessageBytes == 26_214_400)
        #expect(mailbox.line == 8)
    }

    @Test func everyGatewayKeyIsRead() throws {
        let gateway = """
        ticket_prefix = "TK"
        first_ticket_number = 500
        database = "data/desk.sqlite"
        attachments_dir = "/var/lib/buzon/files"
        templates_dir = "../templates"
        language = "en"
        reopen_window_days = 7
        unknown_sender = "hold"
        staff = ["Ana@Empresa.com", "luis@empresa.com"]
        domain = "Desk.Example.org"
        acknowledge_follow_ups = true
        max_auto_replies_per_hour = 2
        trusted_authserv_id = "mx.empresa.com"
        reply_markers = ["-- responder arriba --", "##- Please type your reply above this line -##"]
        default_category = "General"
        auto_close_business_days = 3
        first_response_hours = 8
        stale_hours = 48
        max_message_bytes = 1_048_576
        dead_letter_folder = "Fallidos"
        metrics_file = "metrics.prom"
        log_level = "debug"
        """
        let config = try GatewayConfig.parse(MinimalConfig.text(gateway: gateway), file: "b.toml", baseDirectory: "/etc/buzon")
        #expect(config.ticketPrefix == "TK")
        #expect(config.firstTicketNumber == 500)
        #expect(config.database == "/etc/buzon/data/desk.sqlite")
        #expect(config.attachmentsDirectory == "/var/lib/buzon/files")
        #expect(config.templatesDirectory == "/etc/templates")
        #expect(config.language == "en")
        #expect(config.reopenWindowDays == 7)
        #expect(config.unknownSender == .hold)
        #expect(config.staff == ["ana@empresa.com", "luis@empresa.com"])
        #expect(config.domain == "desk.example.org")
        #expect(config.acknowledgeFollowUps)
        #expect(config.maxAutoRepliesPerHour == 2)
        #expect(config.trustedAuthservID == "mx.empresa.com")
        #expect(config.replyMarkers == ["-- responder arriba --", "##- Please type your reply above this line -##"])
        #expect(config.defaultCategory == "General")
        #expect(config.autoCloseBusinessDays == 3)
        #expect(config.firstResponseHours == 8)
        #expect(config.staleHours == 48)
        #expect(config.maxMessageBytes == 1_048_576)
        #expect(config.mailboxes[0].maxMessageBytes == 1_048_576) // inherited
        #expect(config.deadLetterFolder == "Fallidos")
        #expect(config.metricsFile == "/etc/buzon/metrics.prom")
        #expect(config.logLevel == .debug)
        #expect(!config.warnings.contains { $0.contains("trusted_authserv_id") })
    }

    @Test func everySMTPAndMailboxKeyIsRead() throws {
        let smtp = """
        url = "smtps://smtp.empresa.com:2465"
        username = "soporte"
        password_env = "SMTP_PASS"
        from_name = "Mesa de Ayuda"
        ca_file = "ca.pem"
        require_tls = false
        helo_name = "buzon.empresa.com"
        timeout_seconds = 10
        retry_base_seconds = 30
        retry_max_seconds = 600
        max_attempts = 4
        """
        let mailbox = """
        username = "soporte@empresa.com"
        xoauth2_token_file = "token"
        poll_seconds = 15
        after = "move:Procesados/2026"
        unknown_sender = "accept"
        ca_file = "/etc/ssl/ca.pem"
        require_tls = false
        batch_size = 5
        max_message_bytes = 2048
        """
        let config = try GatewayConfig.parse(MinimalConfig.text(smtp: smtp, mailbox: mailbox), file: "b.toml", baseDirectory: "/etc/buzon")
        #expect(config.smtp.url == ServerURL(scheme: "smtps", host: "smtp.empresa.com", port: 2465))
        #expect(config.smtp.username == "soporte")
        #expect(config.smtp.password?.source == .environment(variable: "SMTP_PASS"))
        #expect(config.smtp.fromName == "Mesa de Ayuda")
        #expect(config.smtp.caFile == "/etc/buzon/ca.pem")
        #expect(config.smtp.requireTLS == false)
        #expect(config.smtp.heloName == "buzon.empresa.com")
        #expect(config.smtp.timeoutSeconds == 10)
        #expect(config.smtp.retryBaseSeconds == 30)
        #expect(config.smtp.retryMaxSeconds == 600)
        #expect(config.smtp.maxAttempts == 4)

        let box = config.mailboxes[0]
        #expect(box.username == "soporte@empresa.com")
        #expect(box.password == nil)
        #expect(box.xoauth2Token?.source == .file(path: "/etc/buzon/token"))
        #expect(box.pollSeconds == 15)
        #expect(box.after == .move(folder: "Procesados/2026"))
        #expect(box.unknownSender == .accept)
        #expect(box.caFile == "/etc/ssl/ca.pem")
        #expect(box.requireTLS == false)
        #expect(box.batchSize == 5)
        #expect(box.maxMessageBytes == 2048)
        // smtps is TLS anyway; imaps too: no plain-text warnings.
        #expect(!config.warnings.contains { $0.contains("plain text") })
    }

    @Test func afterForms() throws {
        for (text, expected) in [("seen", AfterProcessing.seen), ("delete", .delete), ("move: Archivo", .move(folder: "Archivo"))] {
            let config = try GatewayConfig.parse(MinimalConfig.text(mailbox: "after = \"\(text)\""))
            #expect(config.mailboxes[0].after == expected)
        }
    }

    @Test func businessHoursCategoriesAndOrganizations() throws {
        let more = """
        [business_hours]
        time_zone = "America/Mexico_City"
        days = ["mon", "tue", "wed", "thu", "fri", "sat"]
        open = "08:30"
        close = "18:00"
        holidays = ["2026-12-25", "2027-01-01"]

        [[category]]
        name = "Cambio"
        keywords = ["Mejora", "cambio"]

        [[organization]]
        name = "Andina Ltda."
        authorized = ["Ana@Andina.cl", "@andina.cl"]
        max_open_tickets = 3

        [[organization]]
        name = "Pacific"
        authorized = ["it@pacific.com"]
        language = "en"
        """
        let config = try GatewayConfig.parse(MinimalConfig.text(more: more))
        #expect(config.calendar.timeZone.identifier == "America/Mexico_City")
        #expect(config.calendar.workingDays == [1, 2, 3, 4, 5, 6])
        #expect(config.calendar.opensAtMinute == 8 * 60 + 30)
        #expect(config.calendar.closesAtMinute == 18 * 60)
        #expect(config.calendar.holidays == ["2026-12-25", "2027-01-01"])
        #expect(config.categories == [CategoryRule(name: "Cambio", keywords: ["mejora", "cambio"])])
        #expect(config.organizations == [
            Organization(name: "Andina Ltda.", authorized: ["ana@andina.cl", "@andina.cl"], maxOpenTickets: 3),
            Organization(name: "Pacific", authorized: ["it@pacific.com"], language: "en"),
        ])
        #expect(config.languages == ["es", "en"])
    }

    @Test func loadResolvesPathsAgainstTheFilesDirectory() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(MinimalConfig.text(gateway: "database = \"db/b.sqlite\""), to: "etc/buzon.toml")
        let config = try GatewayConfig.load(path: path)
        #expect(config.database == directory.path + "/etc/db/b.sqlite")
        #expect(config.templatesDirectory == directory.path + "/etc/Templates")
        #expect(config.configFile == path)
    }

    @Test func loadOfAMissingFileSaysWhatToDo() {
        #expect {
            try GatewayConfig.load(path: "/nonexistent/buzon.toml")
        } throws: { error in
            let error = error as! ConfigError
            return error.line == nil && error.description.hasPrefix("/nonexistent/buzon.toml: cannot read") && error.message.contains("buzon.example.toml")
        }
    }

    @Test func requireTLSDefaultsFollowLoopback() throws {
        let config = try GatewayConfig.parse(MinimalConfig.text(
            smtp: "url = \"smtp://mail.empresa.com:587\"",
            more: "[[mailbox]]\nname = \"local\"\nurl = \"imap://localhost:1143\"\naddress = \"local@empresa.com\"\ndepartment = \"X\""))
        #expect(config.smtp.requireTLS == true)
        #expect(config.mailboxes[1].requireTLS == false)
        #expect(config.mailboxes[1].url.path == "INBOX")
    }

    @Test func warningsNameInlinePasswordsUncheckedSendersAndPlainText() throws {
        let config = try GatewayConfig.parse(MinimalConfig.text(
            smtp: "url = \"smtp://mail.empresa.com\"\nrequire_tls = false",
            mailbox: "password = \"hunter2\""), file: "buzon.toml")
        #expect(config.warnings.contains { $0.hasPrefix("buzon.toml:14: [[mailbox]] \"soporte\" password is written in the configuration file") })
        #expect(config.warnings.contains { $0.hasPrefix("sender authenticity is not checked: set trusted_authserv_id") })
        #expect(config.warnings.contains { $0.contains("[smtp] require_tls = false for mail.empresa.com") })
        #expect(config.warnings.count == 3)
    }
}
