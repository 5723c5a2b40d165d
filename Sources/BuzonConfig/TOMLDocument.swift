/// A parsed configuration file: the keys before any header, then every `[table]` and
/// `[[array-of-tables]]` element in file order.
public struct TOMLDocument: Sendable, Hashable {
    /// One header and the keys under it.
    public struct Section: Sendable, Hashable {
        public var name: String
        /// True for `[[name]]` (one element of an array of tables).
        public var isArrayElement: Bool
        /// Line of the header.
        public var line: Int
        public var table: TOMLTable

        public init(name: String, isArrayElement: Bool, line: Int, table: TOMLTable = TOMLTable()) {
            self.name = name
            self.isArrayElement = isArrayElement
            self.line = line
            self.table = table
        }
    }

    /// Keys written before the first header.
    public var root: TOMLTable
    public var sections: [Section]

    public init(root: TOMLTable = TOMLTable(), sections: [Section] = []) {
        self.root = root
        self.sections = sections
    }

    /// The `[name]` table, nil when the file has none.
    public func table(_ name: String) -> Section? {
        sections.first { $0.name == name && !$0.isArrayElement }
    }

    /// Every `[[name]]` element, in file order.
    public func arrayOfTables(_ name: String) -> [Section] {
        sections.filter { $0.name == name && $0.isArrayElement }
    }
}
