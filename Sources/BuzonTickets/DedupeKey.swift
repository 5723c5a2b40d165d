import Foundation
import BuzonMIME

/// The identity of one message across mailboxes and re-polls (the same mail sent
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
/// - Without one, and without any stable header while the body after the header block is
///   shorter than `tinyBodyBytes`: `raw:` + SHA-256 hex of all of `raw` (CRLF folded to LF).
///   Nothing stable tells such messages apart (an empty file, a bare line of text, 5 MB of
///   bytes with no header/body separator all have empty stable material), so keying on it
///   would turn every one after the first into a "duplicate" that is stored nowhere. The
///   raw bytes may include per-delivery headers, so the same such message arriving in two
///   mailboxes may be kept twice: a double is recoverable, a swallowed message is not.
public enum DedupeKey {
    /// Headers that are the same in every copy of one message.
    public static let stableHeaders = ["From", "To", "Cc", "Subject", "Date"]
    /// Below this many body bytes, a message with no stable header is keyed on its raw bytes.
    public static let tinyBodyBytes = 64

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
        let hasStableHeader = !material.isEmpty
        let body = normalizedBody(of: raw)
        guard hasStableHeader || body.count >= tinyBodyBytes else {
            return "raw:" + SHA256.hex(of: foldingCRLF(raw[...]))
        }
        material.append(UInt8(ascii: "\n"))
        material.append(contentsOf: body)
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
        return foldingCRLF(raw[bodyStart...])
    }

    /// `bytes` with every CRLF turned into LF.
    static func foldingCRLF(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var position = bytes.startIndex
        while position < bytes.endIndex {
            let byte = bytes[position]
            if byte == cr, position + 1 < bytes.endIndex, bytes[position + 1] == lf {
                position += 1
                continue
            }
            out.append(byte)
            position += 1
        }
        return out
    }

    private static func collapsingWhitespace(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).joined(separator: " ")
    }
}
