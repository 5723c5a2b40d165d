/// One value of the TOML subset Buzón reads, with the line it was written on so that a
/// wrong value can be reported where the operator typed it (not where its key is, which
/// differs for an array spanning several lines).
public struct TOMLValue: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        /// Elements share one kind (strings or integers); the parser rejects mixed arrays.
        case array([TOMLValue])
    }

    public var kind: Kind
    /// 1-based line of the value's first character.
    public var line: Int

    public init(_ kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }

    /// The type's name as an operator reads it in an error message.
    public var typeName: String {
        switch kind {
        case .string: "string"
        case .integer: "integer"
        case .boolean: "boolean"
        case .array: "array"
        }
    }
}
