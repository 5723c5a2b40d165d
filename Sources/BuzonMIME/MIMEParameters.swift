/// The parameters of a `Content-Type` or `Content-Disposition` value (names lower-cased),
/// looked up like a dictionary.
///
/// Why not `[String: String]`: a header carries one to three parameters, and every part of
/// every message has them. A dictionary allocated its storage and ran SipHash for each
/// `charset`/`boundary`/`name` lookup; a short array searched in order costs neither.
/// Names compare as `String`s do in a dictionary (canonically equivalent spellings are one
/// name), and equality ignores order, as a dictionary's does. One difference: a literal
/// that repeats a name keeps the last value, where a dictionary literal would trap.
public struct MIMEParameters: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private var entries: [(name: String, value: String)] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { self[name] = value }
    }

    /// The value of `name` (lower-case); setting replaces it or appends it, `nil` removes it.
    public subscript(name: String) -> String? {
        get {
            for entry in entries where entry.name == name {
                return entry.value
            }
            return nil
        }
        set {
            let index = entries.firstIndex { $0.name == name }
            switch (index, newValue) {
            case let (index?, value?): entries[index].value = value
            case let (index?, nil): entries.remove(at: index)
            case let (nil, value?): entries.append((name, value))
            case (nil, nil): break
            }
        }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    /// The names, in the order they were first set.
    public var names: [String] { entries.map(\.name) }

    public static func == (lhs: MIMEParameters, rhs: MIMEParameters) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { rhs[$0.name] == $0.value }
    }
}
