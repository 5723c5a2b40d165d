/// Serializes a `JSONValue` to compact, one-line JSON text.
///
/// RFC 8259 §7: "All Unicode characters may be placed within the quotation marks, except
/// for the characters that MUST be escaped: quotation mark, reverse solidus, and the
/// control characters (U+0000 through U+001F)." Non-ASCII is written as UTF-8, as is.
/// Because every control character is escaped, a value never spans lines, which is what
/// makes the JSON Lines output of `buzon parse` safe to split on newlines.
struct JSONWriter {
    private(set) var text = ""

    static func string(_ value: JSONValue) -> String {
        var writer = JSONWriter()
        writer.write(value)
        return writer.text
    }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .number(let number): text += String(number)
        case .string(let string): writeString(string)
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                write(element)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, (key, member)) in members.enumerated() {
                if index > 0 { text += "," }
                writeString(key)
                text += ":"
                write(member)
            }
            text += "}"
        }
    }

    mutating func writeString(_ string: String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                text += Self.unicodeEscape(scalar.value)
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    /// `\u00XX` for a control character (DEL is escaped too so terminals stay sane).
    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = Array("0123456789abcdef")
        return "\\u00" + String(hex[Int(value >> 4)]) + String(hex[Int(value & 0xF)])
    }
}
