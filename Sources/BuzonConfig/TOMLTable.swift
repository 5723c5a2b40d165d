/// The key/value pairs under one header (or before the first header), in file order.
public struct TOMLTable: Sendable, Hashable {
    /// One `key = value` line: the key's line differs from the value's when an array spans lines.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var keyLine: Int
        public var value: TOMLValue

        public init(key: String, keyLine: Int, value: TOMLValue) {
            self.key = key
            self.keyLine = keyLine
            self.value = value
        }
    }

    public private(set) var entries: [Entry] = []

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    public subscript(key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    public var keys: [String] { entries.map(\.key) }

    /// Adds an entry; the caller (the parser) has already rejected duplicates.
    mutating func append(_ entry: Entry) {
        entries.append(entry)
    }
}
