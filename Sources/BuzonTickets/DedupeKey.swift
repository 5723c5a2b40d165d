import Foundation
import BuzonMIME

/// The identity of one message across mailboxes and re-polls (seed 001: the same mail sent
/// to several departments counts as a duplicate).
///
/// Contract:
/// - With a Message-ID: `mid:` + SHA-256 hex of `normalized From address + "\n" + Message-ID`.
///   A copy sent to soporte@ and ventas@ carries the same Message-ID and sender, so the keys
///   are equal; someone reusing another sender's Message-ID gets a different key and cannot
///   make the desk swallow that person's mail.
/// - Without one: `hash:` + SHA-256 hex of the stable headers (From, To, Cc, Subject, Date,
///   every occurrence, in that order) and the body bytes after the header block of `raw`
///   (CRLF folded to LF). Received, Return-Path, Delivered-To and X-* headers are left out:
///   they differ per mailbox and per delivery, while the message is the same.
public enum DedupeKey {
    /// Headers that are the same in every copy of one message.
    public static let stableHeaders = ["From", "To", "Cc", "Subject", "Date"]

    public static func make(message: Message, raw: [UInt8]) -> String {
        let from = message.from?.normalized ?? ""
        if let id = message.messageID?.trimmingCharacters(in: .whitespaces), !id.isEmpty {
            return "mid:" + SHA256.hex(of: Array((from + "\n" + id).utf8))
        }
        var material = [UInt8]()
        for name in stableHeaders {
            for value in message.headers.values(name) {
                let line = name.lowercased() + ":" + collapsingWhitespace(value) + "\n"
                material.append(contentsOf: line.utf8)
            }
        }
        material.append(UInt8(ascii: "\n"))
        material.append(contentsOf: normalizedBody(of: raw))
        return "hash:" + SHA256.hex(of: material)
    }

    /// The bytes after the first empty line (`CRLF CRLF` or `LF LF`), with CRLF turned into LF
    /// so the same message stored with either line ending hashes the same. Empty when the
    /// message has no body.
    static func normalizedBody(of raw: [UInt8]) -> [UInt8] {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var start: Int?
        var index = 0
        while index < raw.count, start == nil {
            if raw[index] == lf {
                if index + 1 < raw.count, raw[index + 1] == lf {
                    start = index + 2
                } else if index + 2 < raw.count, raw[index + 1] == cr, raw[index + 2] == lf {
                    start = index + 3
                }
            }
            index += 1
        }
        guard let bodyStart = start else { return [] }
        var body = [UInt8]()
        body.reserveCapacity(raw.count - bodyStart)
        var position = bodyStart
        while position < raw.count {
            let byte = raw[position]
            if byte == cr, position + 1 < raw.count, raw[position + 1] == lf {
                position += 1
                continue
            }
            body.append(byte)
            position += 1
        }
        return body
    }

    private static func collapsingWhitespace(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).joined(separator: " ")
    }
}
