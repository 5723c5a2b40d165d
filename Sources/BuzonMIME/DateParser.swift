import Foundation

/// RFC 5322 `Date` values, and the broken forms real mail sends, hand-parsed (DateFormatter
/// is far too slow for the parse hot path).
///
/// RFC 5322 §3.3: date-time = [ day-of-week "," ] date time [CFWS];
/// date = day month year; time = hour ":" minute [ ":" second ] FWS zone.
/// §4.3 obsolete forms: 2-digit years (< 50 → 20xx, else 19xx), 3-digit years (+1900),
/// zones UT, GMT, EST/EDT, CST/CDT, MST/MDT, PST/PDT and military letters (read as +0000).
/// Also accepted: no weekday, no seconds, single-digit day, any token order, month names
/// in any case, comments like `(CET)`, common European zone names, `+01:00`, ISO 8601
/// (`2024-03-05T10:00:00Z`). A missing zone is read as UTC.
enum DateParser {
    /// One token of the value: a slice of the value's first 200 UTF-8 bytes, copied once into
    /// an array (one small allocation per Date header; the slices are bounds-checked).
    private typealias Token = ArraySlice<UInt8>

    private struct Fields {
        var day: Int?
        var month: Int?
        var year: Int?
        var hour = 0, minute = 0, second = 0
        var offsetMinutes = 0
    }

    static func parse(_ raw: String) -> Date? {
        var fields = Fields()
        forEachToken(Array(raw.utf8.prefix(200))) { read($0, into: &fields) }
        guard let day = fields.day, let month = fields.month, var year = fields.year else { return nil }
        if year < 50 { year += 2000 } else if year < 1000 { year += 1900 }
        guard (1...daysInMonth(month, year: year)).contains(day), year <= 9999, fields.hour < 24,
              fields.minute < 60, fields.second <= 60 else {
            return nil
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + fields.hour * 3_600 + fields.minute * 60 + min(fields.second, 59)
            - fields.offsetMinutes * 60
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Splits on whitespace and commas, drops `(comments)`, and splits ISO `dateTtime`;
    /// hands each token to `body` in order (no array of tokens is built: this runs per message).
    private static func forEachToken(_ bytes: [UInt8], _ body: (Token) -> Void) {
        var start: Int?
        var depth = 0
        for (index, byte) in bytes.enumerated() {
            let separator = ASCII.isWhitespace(byte) || byte == ASCII.comma || byte == ASCII.openParen
                || byte == ASCII.closeParen || (byte == 0x54 && start != nil && index > 0 && ASCII.isDigit(bytes[index - 1]))
            if byte == ASCII.openParen { depth += 1 }
            if separator || depth > 0 {
                if let begin = start { body(bytes[begin..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
            if byte == ASCII.closeParen && depth > 0 { depth -= 1 }
        }
        if let begin = start { body(bytes[begin...]) }
    }

    private static func read(_ token: Token, into fields: inout Fields) {
        guard let first = token.first else { return }
        if token.contains(ASCII.colon) && ASCII.isDigit(first) {
            readTime(token, into: &fields)
        } else if first == 0x2B || (first == ASCII.dash && token.count >= 3 && token.dropFirst().allSatisfy { ASCII.isDigit($0) || $0 == ASCII.colon }) {
            readOffset(token, into: &fields)
        } else if ASCII.isDigit(first) && token.contains(ASCII.dash) {
            readISODate(token, into: &fields)
        } else if ASCII.isDigit(first) {
            guard token.count <= 4, token.allSatisfy(ASCII.isDigit) else { return }
            let number = token.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            // The day comes first (`5 Mar 2024`) or right after the month (`Mar 5 2024`).
            if token.count <= 2 && fields.day == nil && (fields.month == nil || fields.year == nil) {
                fields.day = number
            } else if fields.year == nil {
                fields.year = number
            }
        } else if ASCII.isAlpha(first) {
            if let month = month(token) {
                fields.month = month
            } else if let zone = zoneOffset(token) {
                fields.offsetMinutes = zone
            }
        }
    }

    private static func readTime(_ token: Token, into fields: inout Fields) {
        // hh:mm[:ss…]: the first three numbers are kept, the count of all of them decides.
        var parts = (0, 0, 0)
        var count = 0
        var current = 0
        var digits = 0
        var rest = token.endIndex
        func finishPart() {
            switch count {
            case 0: parts.0 = current
            case 1: parts.1 = current
            case 2: parts.2 = current
            default: break
            }
            count += 1
        }
        for index in token.indices {
            let byte = token[index]
            if ASCII.isDigit(byte) {
                current = current * 10 + Int(byte - 0x30)
                digits += 1
                if digits > 2 { return }
            } else if byte == ASCII.colon {
                finishPart()
                current = 0
                digits = 0
            } else {
                rest = index
                break
            }
        }
        finishPart()
        guard count >= 2 else { return }
        fields.hour = parts.0
        fields.minute = parts.1
        fields.second = count > 2 ? parts.2 : 0
        if rest < token.endIndex {
            let zone = token[rest...]
            if zone.first == 0x2B || zone.first == ASCII.dash {
                readOffset(zone, into: &fields)
            } else if let offset = zoneOffset(ASCII.lowercasedToken(zone)) {
                fields.offsetMinutes = offset
            }
        }
    }

    /// `+hhmm`, `-hhmm`, `+hh:mm`, `+hh`.
    private static func readOffset(_ token: Token, into fields: inout Fields) {
        // The digits after the sign, in place (most Date headers pass here).
        var values = (0, 0, 0, 0)
        var count = 0
        for byte in token.dropFirst() where ASCII.isDigit(byte) {
            let value = Int(byte - 0x30)
            switch count {
            case 0: values.0 = value
            case 1: values.1 = value
            case 2: values.2 = value
            case 3: values.3 = value
            default: break
            }
            count += 1
        }
        guard count == 4 || count == 2 else { return }
        let hours = values.0 * 10 + values.1
        let minutes = count == 4 ? values.2 * 10 + values.3 : 0
        guard hours < 24, minutes < 60 else { return }
        fields.offsetMinutes = (token.first == ASCII.dash ? -1 : 1) * (hours * 60 + minutes)
    }

    /// `yyyy-mm-dd`.
    private static func readISODate(_ token: Token, into fields: inout Fields) {
        let parts = token.split(separator: ASCII.dash)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(ASCII.isDigit) }) else { return }
        let numbers = parts.compactMap { Int(String(decoding: $0, as: UTF8.self)) }
        guard numbers.count == 3, (1...12).contains(numbers[1]) else { return }
        fields.year = numbers[0]
        fields.month = numbers[1]
        fields.day = numbers[2]
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    /// Spanish abbreviations, seen from localized webmail (`5 ene 2024`).
    private static let spanishMonths = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]

    /// The month of a word starting with a letter, decided on its bytes when the first three
    /// `Character`s are surely its first three bytes (a non-ASCII fourth byte could be a
    /// combining mark joining the third: then the `String` rule below decides).
    private static func month(_ token: Token) -> Int? {
        guard token.count >= 3 else { return nil }
        let start = token.startIndex
        guard token.count == 3 || token[start + 3] < 0x80 else { return month(ASCII.lowercasedToken(token)) }
        let key = token[start..<(start + 3)].reduce(UInt32(0)) { $0 << 8 | UInt32(ASCII.lower($1)) }
        if let index = monthKeys.firstIndex(of: key) { return index + 1 }
        if let index = spanishMonthKeys.firstIndex(of: key) { return index + 1 }
        return nil
    }

    private static let monthKeys = months.map(key)
    private static let spanishMonthKeys = spanishMonths.map(key)

    /// Three ASCII letters packed in one integer, so a month is found without a `String`.
    private static func key(_ name: String) -> UInt32 {
        name.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    private static func month(_ word: String) -> Int? {
        guard word.utf8.count >= 3 else { return nil }
        let prefix = String(word.prefix(3))
        if let index = months.firstIndex(of: prefix) { return index + 1 }
        if let index = spanishMonths.firstIndex(of: prefix) { return index + 1 }
        return nil
    }

    /// The zone of a word token. Every known name has at most four bytes, so a longer token
    /// is none; a shorter one is lower-cased into a small (inline, not allocated) `String`.
    private static func zoneOffset(_ token: Token) -> Int? {
        guard token.count <= 4 else { return nil }
        return zoneOffset(ASCII.lowercased(token))
    }

    /// Minutes east of UTC for a zone name (RFC 5322 §4.3 plus common European names).
    static func zoneOffset(_ name: String) -> Int? {
        switch name {
        case "ut", "utc", "gmt", "z", "wet": return 0
        case "est": return -300
        case "edt", "ast": return -240
        case "cst": return -360
        case "cdt": return -300
        case "mst": return -420
        case "mdt": return -360
        case "pst": return -480
        case "pdt": return -420
        case "cet", "met", "west", "bst": return 60
        case "cest", "mest", "eet": return 120
        case "eest": return 180
        default:
            // Military zones: RFC 5322 §4.3 says to read them as +0000.
            return name.utf8.count == 1 ? 0 : nil
        }
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
