/// Parses the TOML subset Buzón's configuration uses, by hand, line by line.
///
/// Supported (everything an operator needs, nothing more):
/// - `[table]` and `[[array-of-tables]]` headers with a bare or quoted name;
/// - `key = value` with a bare key (`A-Z a-z 0-9 _ -`) or a quoted key;
/// - basic strings `"…"` with the escapes `\" \\ \n \t \r \b \f \uXXXX \UXXXXXXXX`,
///   literal strings `'…'` (no escapes);
/// - integers (decimal, optional sign, `_` between digits), `true` / `false`;
/// - arrays of strings or of integers, which may span lines and end with a trailing comma;
/// - `#` comments at the end of any line, blank lines anywhere.
///
/// Not supported, with an error saying so: dotted keys, inline tables, multi-line strings,
/// floats, dates (write them as strings), nested or mixed arrays.
///
/// Contract: every error names the file and the line of the offending character, and says
/// what to write instead. Duplicate keys in one table and duplicate `[table]` headers are errors.
public struct TOMLParser {
    let file: String
    var cursor: TOMLCursor
    private var document = TOMLDocument()
    /// Index into `document.sections` of the table keys go to; nil before the first header.
    private var currentSection: Int?

    public init(text: String, file: String) {
        self.file = file
        self.cursor = TOMLCursor(text)
    }

    public static func parse(_ text: String, file: String) throws(ConfigError) -> TOMLDocument {
        var parser = TOMLParser(text: text, file: file)
        return try parser.parse()
    }

    public mutating func parse() throws(ConfigError) -> TOMLDocument {
        while true {
            cursor.skipSpacesAndComment()
            guard let scalar = cursor.current else { break }
            if cursor.isAtLineEnd {
                cursor.consumeLineEnd()
                continue
            }
            if scalar == "[" {
                try parseHeader()
            } else {
                try parseKeyValue()
            }
            try expectLineEnd()
        }
        return document
    }

    func error(_ message: String, line: Int? = nil) -> ConfigError {
        ConfigError(file: file, line: line ?? cursor.line, message: message)
    }

    /// After a header or a value only a comment may follow on the same line.
    private mutating func expectLineEnd() throws(ConfigError) {
        cursor.skipSpacesAndComment()
        guard cursor.isAtLineEnd else {
            throw error("unexpected \(TOMLCursor.describe(cursor.current)) after the value: write one key = value per line, comments start with #")
        }
        cursor.consumeLineEnd()
    }

    // MARK: Headers

    /// `[name]` or `[[name]]`.
    private mutating func parseHeader() throws(ConfigError) {
        let line = cursor.line
        cursor.advance()
        let isArray = cursor.current == "["
        if isArray {
            cursor.advance()
        }
        cursor.skipSpaces()
        let name = try parseKey()
        cursor.skipSpaces()
        if cursor.current == "." {
            throw error("dotted table names like [\(name).…] are not supported: use a plain name such as [\(name)]")
        }
        let closing = isArray ? "]]" : "]"
        for _ in closing.unicodeScalars {
            guard cursor.current == "]" else {
                throw error("expected '\(closing)' to close the header \(isArray ? "[[" : "[")\(name), found \(TOMLCursor.describe(cursor.current))")
            }
            cursor.advance()
        }
        try register(TOMLDocument.Section(name: name, isArrayElement: isArray, line: line))
    }

    private mutating func register(_ section: TOMLDocument.Section) throws(ConfigError) {
        if let earlier = document.sections.first(where: { $0.name == section.name }) {
            if earlier.isArrayElement != section.isArrayElement {
                let forms = section.isArrayElement ? "[[\(section.name)]] here but [\(section.name)]" : "[\(section.name)] here but [[\(section.name)]]"
                throw error("\(forms) on line \(earlier.line): use one form for a section", line: section.line)
            }
            if !section.isArrayElement {
                throw error("duplicate table [\(section.name)] (first on line \(earlier.line)): merge the two into one", line: section.line)
            }
        }
        document.sections.append(section)
        currentSection = document.sections.count - 1
    }

    // MARK: Keys and values

    private mutating func parseKeyValue() throws(ConfigError) {
        let keyLine = cursor.line
        let key = try parseKey()
        cursor.skipSpaces()
        if cursor.current == "." {
            throw error("dotted keys like \(key).… are not supported: put the key under a [\(key)] table")
        }
        guard cursor.current == "=" else {
            throw error("expected '=' after key \"\(key)\", found \(TOMLCursor.describe(cursor.current))")
        }
        cursor.advance()
        cursor.skipSpaces()
        let value = try parseValue(forKey: key)
        try store(TOMLTable.Entry(key: key, keyLine: keyLine, value: value))
    }

    private mutating func store(_ entry: TOMLTable.Entry) throws(ConfigError) {
        let table = currentSection.map { document.sections[$0].table } ?? document.root
        if let earlier = table[entry.key] {
            throw error("duplicate key \"\(entry.key)\" (first set on line \(earlier.keyLine)): keep only one", line: entry.keyLine)
        }
        if let index = currentSection {
            document.sections[index].table.append(entry)
        } else {
            document.root.append(entry)
        }
    }

    /// A bare key (`poll_seconds`) or a quoted one (`"poll seconds"`, `'x'`).
    private mutating func parseKey() throws(ConfigError) -> String {
        switch cursor.current {
        case "\"":
            return try parseBasicString()
        case "'":
            return try parseLiteralString()
        default:
            var key = String.UnicodeScalarView()
            while let scalar = cursor.current, Self.isBareKeyScalar(scalar) {
                key.append(scalar)
                cursor.advance()
            }
            guard !key.isEmpty else {
                throw error("expected a key (letters, digits, '_' or '-', or a quoted key), found \(TOMLCursor.describe(cursor.current))")
            }
            return String(key)
        }
    }

    static func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
        default: false
        }
    }
}
