import Glibc

/// Searches over raw bytes that both the parser and the reply trimmer run on hot paths.
///
/// The one home of `memchr` for the parsers: the `Span` overload is what code outside the hot
/// decoders calls (bounds checked once, here), so only this file does pointer arithmetic.
package enum ByteScan {
    /// The offset of the first `byte` in `bytes[from..<end]`, or nil: glibc's vectorised
    /// `memchr`, with the pointer arithmetic back to an offset done once, here.
    /// Invariant (unchecked): `0 <= from` and `end <= bytes.count`.
    @inline(__always)
    package static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        guard let base = bytes.baseAddress, from < end,
              let found = memchr(base + from, Int32(byte), end &- from) else { return nil }
        return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
    }

    /// The same search over a `Span`, with the invariant checked: a range outside the span traps.
    @inline(__always)
    package static func firstIndex(of byte: UInt8, in bytes: Span<UInt8>, from: Int, to end: Int) -> Int? {
        guard from < end else { return nil }
        precondition(from >= 0 && end <= bytes.count, "ByteScan: range \(from)..<\(end) outside \(bytes.count) bytes")
        return bytes.withUnsafeBufferPointer { firstIndex(of: byte, in: $0, from: from, to: end) }
    }
}
