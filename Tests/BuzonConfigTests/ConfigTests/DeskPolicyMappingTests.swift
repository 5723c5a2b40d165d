import Testing
import BuzonTickets
import BuzonTrim
@testable import BuzonConfig

@Suite struct DeskPolicyMappingTests {
    static let text = MinimalConfig.text(
        gateway: """
        ticket_prefix = "MA"
        first_ticket_number = 200
        reopen_window_days = 3
        unknown_sender = "accept"
        staff = ["jefe@empresa.com"]
        acknowledge_follow_ups = true
        max_auto_replies_per_hour = 9
        trusted_authserv_id = "mx.empresa.com"
        default_category = "Soporte"
        auto_close_business_days = 5
        first_response_hours = 6
        stale_hours = 12
        """,
        smtp: "from = \"noreply@empresa.com\"".replacingOccurrences(of: "from", with: "from_name = \"Mesa\"\n#"),
        mailbox: "unknown_sender = \"hold\"",
        more: """
        [[mailbox]]
        name = "ventas"
        url = "imaps://mail.empresa.com/Ventas"
        address = "ventas@empresa.com"
        department = "Ventas"

        [business_hours]
        time_zone = "America/Mexico_City"
        days = ["mon", "wed"]
        open = "10:00"
        close = "14:30"
        holidays = ["2026-12-25"]

        [[category]]
        name = "Cambio"
        keywords = ["mejora"]

        [[organization]]
        name = "Andina"
        authorized = ["@andina.cl"]
        max_open_tickets = 3
        language = "en"
        """)

    @Test func everyPolicyFieldComesFromTheConfig() throws {
        let config = try GatewayConfig.parse(Self.text)
        let policy = config.deskPolicy
        #expect(policy.ticketPrefix == "MA")
        #expect(policy.firstTicketNumber == 200)
        #expect(policy.reopenWindowDays == 3)
        #expect(policy.unknownSender == .accept)
        #expect(policy.staff == ["jefe@empresa.com"])
        #expect(policy.organizations == [Organization(name: "Andina", authorized: ["@andina.cl"], maxOpenTickets: 3, language: "en")])
        #expect(policy.ownAddresses == ["soporte@empresa.com", "ventas@empresa.com"])
        #expect(policy.acknowledgeFollowUps)
        #expect(policy.maxAutoRepliesPerSenderPerHour == 9)
        #expect(policy.categories == [CategoryRule(name: "Cambio", keywords: ["mejora"])])
        #expect(policy.defaultCategory == "Soporte")
        #expect(policy.trustedAuthservID == "mx.empresa.com")
        #expect(policy.calendar.timeZone.identifier == "America/Mexico_City")
        #expect(policy.calendar.workingDays == [1, 3])
        #expect(policy.calendar.opensAtMinute == 600)
        #expect(policy.calendar.closesAtMinute == 870)
        #expect(policy.calendar.holidays == ["2026-12-25"])
        #expect(policy.autoCloseBusinessDays == 5)
        #expect(policy.firstResponseBusinessHours == 6)
        #expect(policy.staleAfterHours == 12)
    }

    @Test func mailboxContextCarriesTheOverride() throws {
        let config = try GatewayConfig.parse(Self.text)
        #expect(config.mailboxContext(config.mailboxes[0]) == MailboxContext(name: "soporte", address: "soporte@empresa.com", department: "Soporte", unknownSender: .hold))
        #expect(config.mailboxContext(config.mailboxes[1]) == MailboxContext(name: "ventas", address: "ventas@empresa.com", department: "Ventas", unknownSender: nil))
        #expect(config.mailbox(named: "VENTAS")?.department == "Ventas")
    }

    @Test func smtpFromIsAnOwnAddressToo() throws {
        let config = try GatewayConfig.parse(MinimalConfig.text(more: "").replacingOccurrences(of: "from = \"soporte@empresa.com\"", with: "from = \"noreply@empresa.com\""))
        #expect(config.deskPolicy.ownAddresses == ["noreply@empresa.com", "soporte@empresa.com"])
    }

    @Test func builtInMarkersPerLanguageByDefault() throws {
        let config = try GatewayConfig.parse(MinimalConfig.text())
        #expect(config.replyMarker(language: "es") == "##- Por favor, escriba su respuesta por encima de esta línea -##")
        #expect(config.replyMarker(language: "en") == "##- Please type your reply above this line -##")
    }

    @Test func configuredMarkersKeepTheOutgoingOneRecognized() throws {
        let custom = try GatewayConfig.parse(MinimalConfig.text(gateway: "reply_markers = [\"== responda arriba de esta línea ==\", \"##- Please type your reply above this line -##\"]"))
        #expect(custom.replyMarker(language: "es") == "== responda arriba de esta línea ==")
        #expect(custom.replyMarker(language: "en") == "##- Please type your reply above this line -##")
        for language in GatewayConfig.supportedLanguages {
            #expect(custom.replyMarkers.contains(custom.replyMarker(language: language)))
        }
    }

    @Test func baseTemplateValuesComeFromMailboxAndSMTP() throws {
        let config = try GatewayConfig.parse(Self.text)
        let values = config.baseTemplateValues(mailbox: config.mailboxes[1], language: "en")
        #expect(values.deskName == "Mesa")
        #expect(values.mailboxAddress == "ventas@empresa.com")
        #expect(values.department == "Ventas")
        #expect(values.replyMarker == ReplyTrimmer.defaultMarkers[1])
    }

    @Test func editDistanceSuggestsOnlyPlausibleTypos() {
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.suggestion(for: "pol_seconds", among: MailboxConfig.keys) == "poll_seconds")
        #expect(EditDistance.suggestion(for: "Adress", among: MailboxConfig.keys) == "address")
        #expect(EditDistance.suggestion(for: "colour", among: GatewayConfig.gatewayKeys) == nil)
    }
}
