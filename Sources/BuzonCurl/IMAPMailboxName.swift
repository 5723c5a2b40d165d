/// A folder name as it goes on the wire: modified UTF-7, then an IMAP quoted string.
enum IMAPMailboxName {
    /// RFC 3501 §5.1.3: "printable US-ASCII characters, except for "&", represent themselves
    /// … "&" is used to shift to modified BASE64 and "-" to shift back to US-ASCII … modified
    /// BASE64 … is [UTF-16 encoded, RFC 2152 BASE64] with the modification that "," is used
    /// instead of "/" … "&" itself is represented by "&-"." No `=` padding.
    static func modifiedUTF7(_ name: String) -> String {
        var output = ""
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            output += "&" + modifiedBase64(pending) + "-"
            pending.removeAll()
        }
        for scalar in name.unicodeScalars {
            if (0x20 ... 0x7E).contains(scalar.value) {
                flush()
                output += scalar == "&" ? "&-" : String(scalar)
            } else {
                pending.append(contentsOf: String(scalar).utf16)
            }
        }
        flush()
        return output
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".utf8)

    private static func modifiedBase64(_ units: [UInt16]) -> String {
        let bytes = units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index ..< min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * $1.offset) }
            let characters = chunk.count + 1  // 1 byte → 2 chars, 2 → 3, 3 → 4; no padding
            for position in 0 ..< characters {
                output.append(alphabet[Int((value >> (18 - 6 * position)) & 0x3F)])
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// RFC 3501 §4.3: `quoted = DQUOTE *QUOTED-CHAR DQUOTE`, where `"` and `\` are escaped with
    /// `\`. Throws for CR, LF, NUL and other controls, which no quoted string may carry.
    static func quoted(_ name: String) throws(TransportErrorReason) -> String {
        // Controls would be valid modified BASE64, but servers echo decoded names in their
        // human text (Dovecot put a raw CRLF in a response line): refuse them here.
        guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F ... 0x9F).contains($0.value) }) else {
            throw TransportErrorReason("the folder name \"\(name.debugDescription)\" contains a control character")
        }
        let encoded = modifiedUTF7(name)
        guard !encoded.isEmpty else { throw TransportErrorReason("the folder name is empty") }
        var output = "\""
        for scalar in encoded.unicodeScalars {
            guard scalar.value >= 0x20, scalar.value != 0x7F else {
                throw TransportErrorReason("the folder name contains a control character")
            }
            if scalar == "\"" || scalar == "\\" { output += "\\" }
            output.unicodeScalars.append(scalar)
        }
        return output + "\""
    }

    /// The wire form of a folder name: `INBOX` is case-insensitive (RFC 3501 §5.1).
    static func wire(_ name: String) throws(TransportErrorReason) -> String {
        name.uppercased() == "INBOX" ? "INBOX" : try quoted(name)
    }
}
