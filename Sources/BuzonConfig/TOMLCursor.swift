/// A position in the text being parsed, counting lines as it moves.
///
/// Works on Unicode scalars so that one step is one code point: keys, quotes and escapes are
/// all ASCII, and a string's content is copied scalar by scalar without Character grouping.
/// A line ends with LF or CR LF; a CR elsewhere is an ordinary (unexpected) character.
struct TOMLCursor {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    /// 1-based line of `current`.
    private(set) var line = 1

    init(_ text: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" {
            scalars.removeFirst()
        }
        self.scalars = scalars
    }

    var current: Unicode.Scalar? { peek(0) }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        let position = index + offset
        return position < scalars.count ? scalars[position] : nil
    }

    /// True at the end of the text or of a line (before LF or CR LF).
    var isAtLineEnd: Bool {
        switch current {
        case nil, "\n": true
        case "\r": peek(1) == "\n"
        default: false
        }
    }

    mutating func advance() {
        guard index < scalars.count else { return }
        if scalars[index] == "\n" {
            line += 1
        }
        index += 1
    }

    /// Steps over LF or CR LF; does nothing elsewhere.
    mutating func consumeLineEnd() {
        if current == "\r", peek(1) == "\n" {
            advance()
        }
        if current == "\n" {
            advance()
        }
    }

    mutating func skipSpaces() {
        while current == " " || current == "\t" {
            advance()
        }
    }

    /// Spaces, then a `#` comment up to (not including) the line end.
    mutating func skipSpacesAndComment() {
        skipSpaces()
        if current == "#" {
            while !isAtLineEnd {
                advance()
            }
        }
    }

    /// Everything that may separate array elements: spaces, comments and line ends.
    mutating func skipSpacesCommentsAndLineEnds() {
        while true {
            skipSpacesAndComment()
            guard current != nil, isAtLineEnd else { return }
            consumeLineEnd()
        }
    }

    /// How a character is named in an error message.
    static func describe(_ scalar: Unicode.Scalar?) -> String {
        switch scalar {
        case nil: "end of file"
        case "\n", "\r": "end of line"
        case let scalar? where scalar.properties.isWhitespace: "whitespace"
        case let scalar?: "'\(Character(scalar))'"
        }
    }
}
