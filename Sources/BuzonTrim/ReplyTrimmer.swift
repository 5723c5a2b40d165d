import BuzonMIME

/// Finds what the sender newly wrote in a reply.
/// (API fixed here; the rules land with issue #2.)
public struct ReplyTrimmer: Sendable {
    /// "Reply above this line" markers, matched tolerantly (dashes, hashes, spacing vary).
    public var markers: [String]

    public static let defaultMarkers: [String] = [
        "##- Por favor, escriba su respuesta por encima de esta línea -##",
        "##- Please type your reply above this line -##",
        "—–#### Por favor, no responda bajo este aviso ####—–",
    ]

    public init(markers: [String] = ReplyTrimmer.defaultMarkers) {
        self.markers = markers
    }

    /// Trims the message's best body: its HTML when it has one (quotes are cut before the
    /// conversion to text), otherwise its plain text.
    public func trim(_ message: Message) -> TrimmedReply {
        trim(text: message.text)
    }

    public func trim(text: String) -> TrimmedReply {
        TrimmedReply(text: text, cut: nil)
    }

    public func trim(html: String) -> TrimmedReply {
        trim(text: HTMLText.plainText(fromHTML: html))
    }
}

/// The new content of a reply and where the rest was cut.
public struct TrimmedReply: Sendable, Hashable {
    public enum Cut: String, Sendable, Hashable {
        case replyMarker, quoteHeader, quotedBlock, signature, mobileFooter, htmlQuote
    }
    /// What the sender newly wrote, trailing blank lines removed; empty for a message that is only quote.
    public var text: String
    /// The first rule that cut, nil when nothing was cut.
    public var cut: Cut?

    public init(text: String, cut: Cut?) {
        self.text = text
        self.cut = cut
    }
}
