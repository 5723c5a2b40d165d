import Foundation

/// Values: strings, integers, booleans and arrays of them.
extension TOMLParser {
    mutating func parseValue(forKey key: String) throws(ConfigError) -> TOMLValue {
        let line = cursor.line
        switch cursor.current {
        case "\"":
            if cursor.peek(1) == "\"", cursor.peek(2) == "\"" {
                throw error("multi-line strings (\"\"\") are not supported: write the value on one line, using \\n for line breaks")
            }
            return TOMLValue(.string(try parseBasicString()), line: line)
        case "'":
            if cursor.peek(1) == "'", cursor.peek(2) == "'" {
                throw error("multi-line strings (''') are not supported: write the value on one line")
            }
            return TOMLValue(.string(try parseLiteralString()), line: line)
        case "[":
            return try parseArray(forKey: key)
        case "{":
            throw error("inline tables { … } are not supported: use a [table] or [[table]] section for \"\(key)\"")
        case _ where cursor.isAtLineEnd || cursor.current == "#":
            throw error("missing value after '=' for key \"\(key)\": write a \"string\", a number, true/false or an [array]")
        default:
            return try parseBareValue(forKey: key, line: line)
        }
    }

    /// `"…"`: escapes allowed, must close on the same line.
    mutating func parseBasicString() throws(ConfigError) -> String {
        let startLine = cursor.line
        cursor.advance()
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = cursor.current, !cursor.isAtLineEnd, scalar != "\n" else {
                throw error("unterminated string: close it with \" on the same line", line: startLine)
            }
            cursor.advance()
            switch scalar {
            case "\"":
                return String(result)
            case "\\":
                result.append(try parseEscape())
            default:
                result.append(scalar)
            }
        }
    }

    /// The character after a backslash (already consumed).
    private mutating func parseEscape() throws(ConfigError) -> Unicode.Scalar {
        let escape = cursor.current
        cursor.advance()
        switch escape {
        case "\"": return "\""
        case "\\": return "\\"
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "u": return try parseUnicodeEscape(digits: 4)
        case "U": return try parseUnicodeEscape(digits: 8)
        default:
            throw error("invalid escape \\\(escape.map { String(Character($0)) } ?? "") in string: use \\\\ for a backslash, or a 'literal string' for Windows paths")
        }
    }

    private mutating func parseUnicodeEscape(digits: Int) throws(ConfigError) -> Unicode.Scalar {
        var hex = ""
        for _ in 0..<digits {
            guard let scalar = cursor.current, scalar.properties.isASCIIHexDigit else {
                throw error("\\\(digits == 4 ? "u" : "U") needs exactly \(digits) hexadecimal digits")
            }
            hex.unicodeScalars.append(scalar)
            cursor.advance()
        }
        guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
            throw error("\\\(digits == 4 ? "u" : "U")\(hex) is not a Unicode character")
        }
        return scalar
    }

    /// `'…'`: taken literally, must close on the same line.
    mutating func parseLiteralString() throws(ConfigError) -> String {
        let startLine = cursor.line
        cursor.advance()
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = cursor.current, !cursor.isAtLineEnd else {
                throw error("unterminated string: close it with ' on the same line", line: startLine)
            }
            cursor.advance()
            if scalar == "'" {
                return String(result)
            }
            result.append(scalar)
        }
    }

    /// `[ v, v, … ]`, spanning lines, trailing comma and comments allowed; one element type.
    private mutating func parseArray(forKey key: String) throws(ConfigError) -> TOMLValue {
        let startLine = cursor.line
        cursor.advance()
        var elements: [TOMLValue] = []
        while true {
            cursor.skipSpacesCommentsAndLineEnds()
            if cursor.current == "]" {
                cursor.advance()
                return TOMLValue(.array(elements), line: startLine)
            }
            guard cursor.current != nil else {
                throw error("unterminated array for key \"\(key)\": close it with ]", line: startLine)
            }
            let element = try parseValue(forKey: key)
            try check(element, joining: elements, key: key)
            elements.append(element)
            cursor.skipSpacesCommentsAndLineEnds()
            switch cursor.current {
            case ",":
                cursor.advance()
            case "]":
                continue
            case nil:
                throw error("unterminated array for key \"\(key)\": close it with ]", line: startLine)
            default:
                throw error("expected ',' or ']' in the array for key \"\(key)\", found \(TOMLCursor.describe(cursor.current))")
            }
        }
    }

    private func check(_ element: TOMLValue, joining elements: [TOMLValue], key: String) throws(ConfigError) {
        if case .array = element.kind {
            throw error("nested arrays are not supported in \"\(key)\": use a flat list", line: element.line)
        }
        if let first = elements.first, first.typeName != element.typeName {
            throw error("array \"\(key)\" mixes \(first.typeName) and \(element.typeName) values: use one type", line: element.line)
        }
    }

    /// `true`, `false` or an integer; anything else gets an error naming what it looks like.
    private mutating func parseBareValue(forKey key: String, line: Int) throws(ConfigError) -> TOMLValue {
        var token = ""
        while let scalar = cursor.current, !cursor.isAtLineEnd,
              !scalar.properties.isWhitespace, scalar != ",", scalar != "]", scalar != "#" {
            token.unicodeScalars.append(scalar)
            cursor.advance()
        }
        switch token {
        case "true": return TOMLValue(.boolean(true), line: line)
        case "false": return TOMLValue(.boolean(false), line: line)
        default: break
        }
        if let integer = try parseInteger(token, line: line) {
            return TOMLValue(.integer(integer), line: line)
        }
        if token.unicodeScalars.first.map({ $0.properties.isAlphabetic }) == true {
            throw error("strings must be quoted: write \(key) = \"\(token)\"", line: line)
        }
        throw error("unsupported value \(token.isEmpty ? TOMLCursor.describe(cursor.current) : token) for key \"\(key)\": write a \"string\", an integer, true/false or an [array]", line: line)
    }

    /// Decimal integers per TOML: optional sign, no leading zero, `_` only between digits.
    /// Returns nil when the token does not look like a number at all.
    private func parseInteger(_ token: String, line: Int) throws(ConfigError) -> Int? {
        var body = Substring(token)
        if body.first == "+" || body.first == "-" {
            body = body.dropFirst()
        }
        guard let first = body.first, first.isASCII, first.isNumber else { return nil }
        if body.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
            throw error("\(token) is a float, which is not supported: write a whole number", line: line)
        }
        if body.contains(where: { $0 == ":" || $0 == "-" }) {
            throw error("dates and times must be quoted strings: write \"\(token)\"", line: line)
        }
        let digitsAndUnderscores = body.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "_" }
        let underscoresBetweenDigits = !body.hasSuffix("_") && !body.contains("__")
        guard digitsAndUnderscores, underscoresBetweenDigits else {
            throw error("\(token) is not a valid integer: use digits, optionally grouped with single '_' (26_214_400)", line: line)
        }
        if body.count > 1, body.first == "0" {
            throw error("\(token): integers may not have leading zeros", line: line)
        }
        guard let value = Int(token.replacingOccurrences(of: "_", with: "")) else {
            throw error("\(token) is too large for an integer", line: line)
        }
        return value
    }
}
