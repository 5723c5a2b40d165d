/// A JSON value whose objects keep their keys in the order they were written.
///
/// `JSONSerialization` sorts or scrambles keys; `buzon parse --json` promises a fixed key
/// order so that people and `diff` can read its output, hence this small tree.
enum JSONValue {
    case null
    case bool(Bool)
    case number(Int)
    case string(String)
    case array([JSONValue])
    /// Key/value pairs in output order; keys are expected to be unique.
    case object([(String, JSONValue)])

    /// `.string(value)` or `.null` when `value` is nil.
    static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }
}
