import Foundation
import BuzonMIME

/// The Message-IDs of the message a bounce returns.
///
/// A delivery status notification (RFC 3464) rarely carries In-Reply-To and its subject
/// rarely keeps our tag; what ties it to a ticket is the returned copy of OUR message: a
/// `message/rfc822` part (whose child holds its headers) or a `text/rfc822-headers` part.
/// Their `Message-ID` is the acknowledgement's, which the store knows.
public enum BouncedMessage {
    /// Message-IDs (without angle brackets) of every returned message or header block, in
    /// tree order. Empty for anything that is not a bounce-shaped tree.
    public static func messageIDs(in message: Message) -> [String] {
        var ids: [String] = []
        collect(message.root, into: &ids, depth: 0)
        return ids
    }

    /// Depth-capped walk: a hostile bounce nesting reports inside reports must not recurse forever.
    private static func collect(_ part: MIMEPart, into ids: inout [String], depth: Int) {
        guard depth < 8 else { return }
        switch part.contentType {
        case "message/rfc822", "message/global":
            for child in part.children {
                ids += child.headers.values("Message-ID").compactMap(unbracketed)
            }
        case "text/rfc822-headers", "message/global-headers":
            ids += headerValues("message-id", in: String(decoding: part.body, as: UTF8.self)).compactMap(unbracketed)
        default:
            break
        }
        for child in part.children where part.isMultipart {
            collect(child, into: &ids, depth: depth + 1)
        }
    }

    /// Values of a header in a plain header block (folded lines joined).
    static func headerValues(_ lowercasedName: String, in text: String) -> [String] {
        var values: [String] = []
        var current: String?
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            if line.isEmpty { break }
            if let first = line.first, first == " " || first == "\t" {
                current? += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            if let value = current { values.append(value) }
            current = nil
            if let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == lowercasedName {
                current = String(line[line.index(after: colon)...])
            }
        }
        if let value = current { values.append(value) }
        return values
    }

    private static func unbracketed(_ value: String) -> String? {
        var id = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if id.hasPrefix("<"), let close = id.firstIndex(of: ">") {
            id = String(id[id.index(after: id.startIndex)..<close])
        }
        return id.isEmpty ? nil : id
    }
}
