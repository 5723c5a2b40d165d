import BuzonTickets
import BuzonTrim

/// What the rest of the gateway needs from the configuration, in its own types.
extension GatewayConfig {
    /// The decision rules' view of the desk.
    public var deskPolicy: DeskPolicy {
        var policy = DeskPolicy()
        policy.ticketPrefix = ticketPrefix
        policy.firstTicketNumber = firstTicketNumber
        policy.reopenWindowDays = reopenWindowDays
        policy.unknownSender = unknownSender
        policy.staff = staff
        policy.organizations = organizations
        policy.ownAddresses = Array(Set(mailboxes.map(\.address) + [smtp.from])).sorted()
        policy.acknowledgeFollowUps = acknowledgeFollowUps
        policy.maxAutoRepliesPerSenderPerHour = maxAutoRepliesPerHour
        policy.categories = categories
        policy.defaultCategory = defaultCategory
        policy.trustedAuthservID = trustedAuthservID
        policy.calendar = calendar
        policy.autoCloseBusinessDays = autoCloseBusinessDays
        policy.firstResponseBusinessHours = firstResponseHours
        policy.staleAfterHours = staleHours
        return policy
    }

    public func mailboxContext(_ mailbox: MailboxConfig) -> MailboxContext {
        MailboxContext(name: mailbox.name, address: mailbox.address, department: mailbox.department, unknownSender: mailbox.unknownSender)
    }

    /// The mailbox with this name, if configured.
    public func mailbox(named name: String) -> MailboxConfig? {
        mailboxes.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Every language notices may be written in: the gateway's first, then organizations'.
    public var languages: [String] {
        var result = [language]
        for case let organizationLanguage? in organizations.map(\.language) where !result.contains(organizationLanguage) {
            result.append(organizationLanguage)
        }
        return result
    }

    /// The "reply above this line" marker written into outgoing messages in `language`.
    ///
    /// Contract: always one of `replyMarkers`, so the trimmer recognizes what the desk sends.
    /// With `reply_markers` unset, each language gets its built-in marker. With it set, a
    /// language gets its built-in marker if the list still contains it, else the list's first.
    public func replyMarker(language: String) -> String {
        let builtIn = Self.builtInReplyMarkers[language]
        if let builtIn, replyMarkers.contains(builtIn) {
            return builtIn
        }
        return replyMarkers[0]
    }

    static let builtInReplyMarkers = [
        "es": ReplyTrimmer.defaultMarkers[0],
        "en": ReplyTrimmer.defaultMarkers[1],
    ]

    /// Template values every message from `mailbox` shares: desk name, mailbox address,
    /// department and the reply marker of `language`. The caller adds the ticket's values.
    public func baseTemplateValues(mailbox: MailboxConfig, language: String) -> TemplateValues {
        var values = TemplateValues()
        values.deskName = smtp.fromName
        values.mailboxAddress = mailbox.address
        values.department = mailbox.department
        values.replyMarker = replyMarker(language: language)
        return values
    }
}
