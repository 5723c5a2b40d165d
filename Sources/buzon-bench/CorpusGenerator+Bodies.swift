/// The words of requests and replies, and how Gmail and Outlook quote the history below them.
extension CorpusGenerator {
    mutating func requestContent(sender: SpanishText.Person) -> MessageContent {
        var paragraphs = SpanishText.request(&random)
        var plain = MessageContent.plainLines(paragraphs)
        if random.chance(0.5) {
            let signature = SpanishText.signature(sender, &random)
            plain += [""] + signature
            paragraphs.append(signature.dropFirst().joined(separator: "<br>"))
        }
        return MessageContent(plain: plain, html: Self.htmlDocument(MessageContent.htmlParagraphs(paragraphs)))
    }

    /// New text on top, then the acknowledgement (and the original request below it) quoted.
    mutating func replyContent(sender: SpanishText.Person, ticket: String, topic: String) -> MessageContent {
        let fresh = SpanishText.followUp(&random)
        var plain = MessageContent.plainLines(fresh)
        if random.chance(0.4) { plain += [""] + SpanishText.signature(sender, &random) }
        let when = SpanishDate(epochSeconds: clock - random.between(3_600, 5 * 86_400))
        let history = MessageContent.plainLines(SpanishText.acknowledgement(ticket: ticket, to: sender))
        let html: String
        if random.chance(0.6) {
            let header = "El \(when.gmail), Soporte Empresa (<soporte@empresa.com>) escribió:"
            // Gmail wraps a long attribution line in the plain part about a fifth of the time.
            let headerLines = random.chance(0.2) ? [String(header.prefix(60)), String(header.dropFirst(60))] : [header]
            plain += [""] + headerLines + history.map { $0.isEmpty ? ">" : "> " + $0 }
            html = Self.gmailQuote(fresh, header: header, history: history)
        } else {
            let block = ["De: Soporte Empresa <soporte@empresa.com>", "Enviado el: \(when.outlook)",
                         "Para: \(sender.name) <\(sender.address)>", "Asunto: [\(ticket)] \(topic)"]
            let rule = random.chance(0.5) ? "________________________________" : "-----Mensaje original-----"
            plain += ["", rule] + block + [""] + history
            html = Self.outlookQuote(fresh, block: block, history: history)
        }
        return MessageContent(plain: plain, html: Self.htmlDocument(html))
    }

    static func htmlDocument(_ body: String) -> String {
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head>\r\n"
            + "<body><div dir=\"ltr\">\r\n\(body)\r\n</div></body></html>"
    }

    static func gmailQuote(_ fresh: [String], header: String, history: [String]) -> String {
        MessageContent.htmlParagraphs(fresh)
            + "<br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">\(MessageContent.escapeHTML(header))<br></div>"
            + "<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);"
            + "padding-left:1ex\">\r\n" + history.map(MessageContent.escapeHTML).joined(separator: "<br>\r\n")
            + "</blockquote></div>"
    }

    static func outlookQuote(_ fresh: [String], block: [String], history: [String]) -> String {
        let fields = block.map { line -> String in
            let parts = line.split(separator: ":", maxSplits: 1)
            return "<b>\(parts[0]):</b>\(MessageContent.escapeHTML(String(parts[1])))"
        }
        return MessageContent.htmlParagraphs(fresh)
            + "<div id=\"appendonsend\"></div><hr style=\"display:inline-block;width:98%\" tabindex=\"-1\">"
            + "<div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri, sans-serif\" style=\"font-size:11pt\">"
            + fields.joined(separator: "<br>\r\n") + "</font><div>&nbsp;</div></div>\r\n<div>"
            + history.map(MessageContent.escapeHTML).joined(separator: "<br>\r\n") + "</div>"
    }
}
