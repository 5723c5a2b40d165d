import Glibc

/// Boyer-Moore-Horspool search for one multipart delimiter `--boundary`.
///
/// Glibc's `memmem` is not exported to Swift (it needs `_GNU_SOURCE`); Horspool with a
/// 40–70 byte boundary skips most of a base64 body without looking at it, which is
/// faster than scanning every line.
struct BoundarySearcher {
    let needle: [UInt8]
    private let skip: [Int]

    init(boundary: [UInt8]) {
        needle = [ASCII.dash, ASCII.dash] + boundary
        var table = [Int](repeating: needle.count, count: 256)
        for index in 0..<(needle.count - 1) {
            table[Int(needle[index])] = needle.count - 1 - index
        }
        skip = table
    }

    /// Offset of the first occurrence of the needle in `bytes[from..<end]`, or nil.
    func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int? {
        let length = needle.count
        guard let base = bytes.baseAddress, end &- from >= length, end <= bytes.count, from >= 0 else { return nil }
        return needle.withUnsafeBufferPointer { pattern -> Int? in
            skip.withUnsafeBufferPointer { table -> Int? in
                guard let patternBase = pattern.baseAddress, let shifts = table.baseAddress else { return nil }
                let lastOfPattern = patternBase[length &- 1]
                var position = from
                let stop = end &- length
                while position <= stop {
                    let last = base[position &+ length &- 1]
                    if last == lastOfPattern && base[position] == patternBase[0]
                        && memcmp(base + position, patternBase, length &- 1) == 0 {
                        return position
                    }
                    position &+= shifts[Int(last)]
                }
                return nil
            }
        }
    }
}
