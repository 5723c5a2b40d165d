import Glibc

/// Finds one multipart delimiter `--boundary` by its first dash with `memchr`.
///
/// Base64 never contains `-`, and text has few of them, so glibc's vectorised `memchr`
/// crosses a base64 attachment at memory speed and stops rarely in text; each stop is
/// checked with one `memcmp`. A run of dashes that is not the needle (`-----Mensaje
/// original-----`, a rule line) is stepped over as a whole after checking the one place in
/// it where the needle could still start, so even dash-heavy text costs one `memchr` per
/// run. (Horspool, used before, skipped only a few bytes per step on base64, because a
/// boundary shares most of its characters with the base64 alphabet.)
struct BoundarySearcher {
    let needle: [UInt8]
    /// The dashes the needle starts with (2 plus any the boundary starts with).
    private let leadingDashes: Int

    init(boundary: [UInt8]) {
        needle = [ASCII.dash, ASCII.dash] + boundary
        leadingDashes = needle.firstIndex { $0 != ASCII.dash } ?? needle.count
    }

    /// Offset of the first occurrence of the needle in `bytes[from..<end]`, or nil.
    func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int? {
        let length = needle.count
        guard let base = bytes.baseAddress, end &- from >= length, end <= bytes.count, from >= 0 else { return nil }
        return needle.withUnsafeBufferPointer { pattern -> Int? in
            guard let patternBase = pattern.baseAddress else { return nil }
            let stop = end &- length
            var position = from
            while position <= stop {
                guard let candidate = ByteScan.firstIndex(of: ASCII.dash, in: bytes, from: position, to: stop &+ 1) else {
                    return nil
                }
                if memcmp(base + candidate, patternBase, length) == 0 { return candidate }
                // Not here. Inside this run of dashes the needle can only start where its own
                // leading dashes end with the run (its next byte is not a dash); check that
                // one place, then go on after the run.
                var runEnd = candidate &+ 1
                while runEnd < end, base[runEnd] == ASCII.dash { runEnd &+= 1 }
                let aligned = runEnd &- leadingDashes
                if aligned > candidate, aligned <= stop, memcmp(base + aligned, patternBase, length) == 0 {
                    return aligned
                }
                position = runEnd
            }
            return nil
        }
    }
}
