import Foundation

/// What fills a template's placeholders. Plain strings inserted verbatim: escaping and header
/// protection are the outgoing message builder's job. Unset values render as empty text.
public struct TemplateValues: Sendable, Hashable {
    public var ticketNumber = ""
    public var ticketSubject = ""
    /// Falls back to `contactAddress` when empty, so "Estimado/Estimada" is never followed by nothing.
    public var contactName = ""
    public var contactAddress = ""
    public var organization = ""
    public var department = ""
    public var category = ""
    /// Falls back to the language's built-in marker when empty.
    public var replyMarker = ""
    public var deskName = ""
    public var mailboxAddress = ""
    public var messageText = ""
    public var staffName = ""
    public var relatedTicket = ""
    public var openTicketLimit: Int?
    public var openTicketCount: Int?
    public var originalSubject = ""
    /// Rendered in the desk's time zone: `28/09/2022 15:30` (es), `2022-09-28 15:30` (en).
    public var date: Date?
    /// Size in bytes of a message kept only in part (over `max_message_bytes`); nil otherwise.
    public var oversizedBytes: Int?

    public init() {}

    /// The text for one placeholder in `language`, dates shown in `timeZone`.
    func text(for placeholder: TemplatePlaceholder, language: String, timeZone: TimeZone) -> String {
        switch placeholder {
        case .ticketNumber: ticketNumber
        case .ticketSubject: ticketSubject
        case .contactName: contactName.isEmpty ? contactAddress : contactName
        case .contactAddress: contactAddress
        case .organization: organization
        case .department: department
        case .category: category
        case .replyMarker: replyMarker.isEmpty ? (GatewayConfig.builtInReplyMarkers[language] ?? GatewayConfig.builtInReplyMarkers["es"]!) : replyMarker
        case .deskName: deskName
        case .mailboxAddress: mailboxAddress
        case .messageText: messageText
        case .staffName: staffName
        case .relatedTicket: relatedTicket
        case .openTicketLimit: openTicketLimit.map(String.init) ?? ""
        case .openTicketCount: openTicketCount.map(String.init) ?? ""
        case .originalSubject: originalSubject
        case .date: date.map { Self.format($0, language: language, timeZone: timeZone) } ?? ""
        case .oversizedNote: oversizedBytes.map { Self.oversizedNote(bytes: $0, language: language) } ?? ""
        }
    }

    /// `{{oversized_note}}`: starts a new paragraph so it can end any line of the template.
    static func oversizedNote(bytes: Int, language: String) -> String {
        let megabytes = String(format: "%.1f", Double(bytes) / 1_048_576)
        if language == "es" {
            return "\n\nSu mensaje (\(megabytes) MB) supera el tamaño que aceptamos: recibimos el texto, pero puede que "
                + "falten adjuntos o que alguno esté incompleto. Si es así, le pediremos que nos los envíe por otra vía."
        }
        return "\n\nYour message (\(megabytes) MB) is larger than we accept: we received the text, but some attachments "
            + "may be missing or incomplete. If so, we will ask you to send them another way."
    }

    /// Numeric formats, so no locale data is needed: day first for Spanish, ISO order otherwise.
    static func format(_ date: Date, language: String, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        let time = "\(two(parts.hour)):\(two(parts.minute))"
        if language == "es" {
            return "\(two(parts.day))/\(two(parts.month))/\(parts.year ?? 0) \(time)"
        }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(time)"
    }
}
