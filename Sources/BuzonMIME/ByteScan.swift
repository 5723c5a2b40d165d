import Glibc

/// Searches over raw bytes that both the parser and the reply trimmer run on hot paths.
package enum ByteScan {
    /// The offset of the first `byte` in `bytes[from..<end]`, or nil: glibc's vectorised
    /// `memchr`, with the pointer arithmetic back to an offset done once, here.
    @inline(__always)
    package static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        guard let base = bytes.baseAddress, from < end,
              let found = memchr(base + from, Int32(byte), end &- from) else { return nil }
        return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
    }
}
