/// A JSON value whose objects keep their keys in the order they were written.
///
/// `JSONSerialization` sorts or scrambles keys; `buzon parse --json` promises a fixed key
/// order so that people and `diff` can read its output, hence this small tree. Every `--json`
/// output of the CLI and the golden snapshots of the MIME tests are written from it by
/// `JSONWriter`, so what a snapshot shows is what the command prints.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Int)
    case string(String)
    case array([JSONValue])
    /// Key/value pairs in output order; keys are expected to be unique.
    case object([(String, JSONValue)])

    /// `.string(value)` or `.null` when `value` is nil.
    public static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }
}

/// Serializes a `JSONValue` to JSON text: compact and on one line by default, or indented.
///
/// RFC 8259 §7: "All Unicode characters may be placed within the quotation marks, except
/// for the characters that MUST be escaped: quotation mark, reverse solidus, and the
/// control characters (U+0000 through U+001F)." Non-ASCII is written as UTF-8, as is.
/// Because every control character is escaped, a value never spans lines, which is what
/// makes the JSON Lines output of `buzon parse` safe to split on newlines.
public struct JSONWriter {
    /// Nil: compact, one line (what the CLI prints). Otherwise the text of one level of
    /// indentation: one member or element a line and `"key": value`, so that a diff of two
    /// renderings (a golden snapshot in review) shows the members that changed.
    let indentation: String?
    private(set) var text = ""

    init(indentation: String?) {
        self.indentation = indentation
    }

    /// `value` as JSON text, without a trailing newline; the same value gives the same text.
    public static func string(_ value: JSONValue, indentation: String? = nil) -> String {
        var writer = JSONWriter(indentation: indentation)
        writer.write(value, level: 0)
        return writer.text
    }

    mutating func write(_ value: JSONValue, level: Int) {
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .number(let number): text += String(number)
        case .string(let string): writeString(string)
        case .array(let elements):
            writeContainer(open: "[", close: "]", count: elements.count, level: level) { writer, index in
                writer.write(elements[index], level: level + 1)
            }
        case .object(let members):
            writeContainer(open: "{", close: "}", count: members.count, level: level) { writer, index in
                writer.writeString(members[index].0)
                writer.text += writer.indentation == nil ? ":" : ": "
                writer.write(members[index].1, level: level + 1)
            }
        }
    }

    /// Brackets around `count` comma-separated entries; an empty container stays `[]`/`{}`.
    private mutating func writeContainer(open: String, close: String, count: Int, level: Int,
                                         entry: (inout JSONWriter, Int) -> Void) {
        text += open
        for index in 0 ..< count {
            if index > 0 { text += "," }
            breakLine(level: level + 1)
            entry(&self, index)
        }
        if count > 0 { breakLine(level: level) }
        text += close
    }

    private mutating func breakLine(level: Int) {
        guard let indentation else { return }
        text += "\n"
        for _ in 0 ..< level { text += indentation }
    }

    mutating func writeString(_ string: String) {
        Self.appendQuoted(string, to: &text)
    }

    /// Appends `string` as a JSON string literal to `text`: the one JSON string escaping of
    /// Buzón (the CLI's `--json` outputs and the store's lists of addresses and ids).
    public static func appendQuoted(_ string: String, to text: inout String) {
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
                text += unicodeEscape(scalar.value)
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
