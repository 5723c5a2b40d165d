/// Quoted-printable encoding of a text body (RFC 2045 §6.7).
public enum QuotedPrintableEncoder {
    /// RFC 2045 §6.7 rule 5: "The Quoted-Printable encoding REQUIRES that encoded lines be
    /// no more than 76 characters long" — the soft break's `=` included.
    public static let maxLineLength = 76

    /// Encodes `text` with CRLF hard line breaks (LF, CRLF and lone CR all count as breaks).
    ///
    /// Rules applied, RFC 2045 §6.7:
    /// (1)/(2) bytes 33–126 except `=` stay literal, everything else is `=XX`;
    /// (3) a space or tab is literal except at the end of a line, where it is encoded;
    /// (5) soft line breaks `=` CRLF keep lines ≤ 76, never inside an `=XX` triple.
    /// Also encoded, for transports that mangle them: a `.` starting a line and the `F` of
    /// a line starting `From ` (mbox).
    public static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var lines: [ArraySlice<UInt8>] = []
        let bytes = Array(text.utf8)
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D || bytes[index] == 0x0A {
                lines.append(bytes[start..<index])
                if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        lines.append(bytes[start..<bytes.count])
        for (number, line) in lines.enumerated() {
            if number > 0 { out.append(contentsOf: [0x0D, 0x0A]) }
            encodeLine(line, into: &out)
        }
        return out
    }

    private static func encodeLine(_ line: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var column = 0
        let startsWithFrom = line.starts(with: Array("From ".utf8))
        for index in line.indices {
            let byte = line[index]
            let isLast = index == line.index(before: line.endIndex)
            let literal = isLiteral(byte, isLast: isLast)
                && !(index == line.startIndex && (byte == UInt8(ascii: ".") || startsWithFrom))
            let width = literal ? 1 : 3
            // Keep room for the soft break's "=" unless this is the line's last piece.
            let limit = isLast ? maxLineLength : maxLineLength - 1
            if column + width > limit {
                out.append(contentsOf: [UInt8(ascii: "="), 0x0D, 0x0A])
                column = 0
            }
            if literal {
                out.append(byte)
            } else {
                appendEscaped(byte, into: &out)
            }
            column += width
        }
    }

    private static func isLiteral(_ byte: UInt8, isLast: Bool) -> Bool {
        if byte == 0x20 || byte == 0x09 { return !isLast }
        return byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")
    }

    static func appendEscaped(_ byte: UInt8, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "="))
        out.append(hexDigits[Int(byte >> 4)])
        out.append(hexDigits[Int(byte & 0x0F)])
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
