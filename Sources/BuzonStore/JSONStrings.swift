import BuzonMIME
import Foundation

/// Lists of addresses and Message-IDs as JSON arrays of strings. Written by hand around
/// `JSONWriter`'s string escaping because it runs several times per stored message (no
/// `JSONValue` tree); decoding (CLI reads) uses Foundation.
enum JSONStrings {
    static func encode(_ values: [String]) -> String {
        var out = "["
        for (index, value) in values.enumerated() {
            if index > 0 { out += "," }
            JSONWriter.appendQuoted(value, to: &out)
        }
        return out + "]"
    }

    /// The strings of a JSON array; [] when the text is not one (never throws on stored data).
    static func decode(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }
}
