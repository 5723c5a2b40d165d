/// Aligned columns for people: widths measured in characters, not bytes, so accented
/// Spanish subjects line up; long cells are cut with an ellipsis.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    var maxWidth: [Int: Int] = [:]

    init(_ headers: [String]) { self.headers = headers }

    mutating func append(_ row: [String]) { rows.append(row) }

    var rendered: String {
        let cells = ([headers] + rows).map { row in
            row.enumerated().map { index, cell in
                let limit = maxWidth[index] ?? Int.max
                return cell.count > limit ? String(cell.prefix(limit - 1)) + "…" : cell
            }
        }
        var widths = [Int](repeating: 0, count: headers.count)
        for row in cells { for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) } }
        return cells.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
