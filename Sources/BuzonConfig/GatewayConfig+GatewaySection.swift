import Foundation
import BuzonTickets

/// `[gateway]`: the desk-wide settings.
extension GatewayConfig {
    static let gatewayKeys = [
        "ticket_prefix", "first_ticket_number", "database", "attachments_dir", "templates_dir",
        "language", "reopen_window_days", "unknown_sender", "staff", "domain", "acknowledge_follow_ups",
        "max_auto_replies_per_hour", "trusted_authserv_id", "reply_markers", "default_category",
        "auto_close_business_days", "first_response_hours", "stale_hours", "max_message_bytes",
        "dead_letter_folder", "metrics_file", "log_level", "poll_retry_base_seconds", "poll_retry_max_seconds",
    ]

    mutating func apply(gateway section: ConfigSection) throws(ConfigError) {
        if let prefix = try section.text("ticket_prefix") {
            guard prefix.count <= 10, prefix.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw section.error("\"ticket_prefix\" must be 1 to 10 letters A–Z, like \"OP\", found \"\(prefix)\"", key: "ticket_prefix")
            }
            ticketPrefix = prefix
        }
        firstTicketNumber = try section.integer("first_ticket_number", in: 1...999_999_999) ?? firstTicketNumber
        database = try section.path("database") ?? section.resolve("buzon.sqlite")
        attachmentsDirectory = try section.path("attachments_dir") ?? section.resolve("attachments")
        templatesDirectory = try section.path("templates_dir") ?? section.resolve("Templates")
        language = try section.choice("language", among: Self.supportedLanguages) ?? language
        reopenWindowDays = try section.integer("reopen_window_days", in: 0...3650) ?? reopenWindowDays
        unknownSender = try section.choice("unknown_sender", among: UnknownSenderPolicy.allCases.map(\.rawValue))
            .flatMap(UnknownSenderPolicy.init(rawValue:)) ?? unknownSender
        staff = try section.addressesOrDomains("staff", allowDomains: false) ?? []
        try applyDomain(section)
        acknowledgeFollowUps = try section.boolean("acknowledge_follow_ups") ?? acknowledgeFollowUps
        maxAutoRepliesPerHour = try section.integer("max_auto_replies_per_hour", in: 0...10_000) ?? maxAutoRepliesPerHour
        trustedAuthservID = try section.text("trusted_authserv_id")
        try applyReplyMarkers(section)
        defaultCategory = try section.text("default_category") ?? defaultCategory
        autoCloseBusinessDays = try section.integer("auto_close_business_days", in: 0...365) ?? autoCloseBusinessDays
        firstResponseHours = try section.integer("first_response_hours", in: 1...10_000) ?? firstResponseHours
        staleHours = try section.integer("stale_hours", in: 1...10_000) ?? staleHours
        maxMessageBytes = try section.integer("max_message_bytes", in: GatewayConfig.maxMessageBytesRange) ?? maxMessageBytes
        deadLetterFolder = try section.text("dead_letter_folder") ?? deadLetterFolder
        pollRetryBaseSeconds = try section.integer("poll_retry_base_seconds", in: 1...3600) ?? pollRetryBaseSeconds
        pollRetryMaxSeconds = try section.integer("poll_retry_max_seconds", in: pollRetryBaseSeconds...86_400) ?? max(pollRetryMaxSeconds, pollRetryBaseSeconds)
        metricsFile = try section.path("metrics_file")
        logLevel = try section.choice("log_level", among: LogLevel.allCases.map(\.rawValue)).flatMap(LogLevel.init(rawValue:)) ?? logLevel
    }

    /// Message-ID domain: as written, else the first mailbox address's domain.
    private mutating func applyDomain(_ section: ConfigSection) throws(ConfigError) {
        if let domain = try section.text("domain") {
            let normalized = domain.lowercased()
            guard ConfigSection.isDomain(Substring(normalized)) else {
                throw section.error("\"domain\" must be a domain name like \"empresa.com\", found \"\(domain)\"", key: "domain")
            }
            self.domain = normalized
        } else if let address = mailboxes.first?.address, let at = address.lastIndex(of: "@") {
            self.domain = String(address[address.index(after: at)...])
        }
    }

    private mutating func applyReplyMarkers(_ section: ConfigSection) throws(ConfigError) {
        guard let markers = try section.strings("reply_markers") else { return }
        guard !markers.isEmpty else {
            throw section.error("\"reply_markers\" must list at least one marker (remove the key to use the built-in ones)", key: "reply_markers")
        }
        for marker in markers where marker.value.trimmingCharacters(in: .whitespaces).count < 8 {
            throw section.error("reply marker \"\(marker.value)\" is too short to be recognized safely: use a whole line like \"##- Por favor, escriba su respuesta por encima de esta línea -##\"", line: marker.line)
        }
        replyMarkers = markers.map(\.value)
    }
}
