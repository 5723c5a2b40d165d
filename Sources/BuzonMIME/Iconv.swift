import Glibc

/// The one owner of a glibc `iconv_t` conversion descriptor to UTF-8; closed in `deinit`.
///
/// Used for every charset Buzón has no hand-written path for (ISO-2022-JP, KOI8-R, GB18030…).
/// Not cached: such mail is rare and `iconv_open` is cheap next to the conversion itself.
final class Iconv {
    private let handle: iconv_t

    /// Opens a converter from `charset` to UTF-8, or returns nil when glibc does not know
    /// the name (the caller then treats the text as undeclared).
    init?(from charset: String) {
        guard let opened = iconv_open("UTF-8", charset), Int(bitPattern: opened) != -1 else { return nil }
        handle = opened
    }

    deinit { iconv_close(handle) }

    /// Converts `input` to UTF-8. Bytes invalid in the source charset become U+FFFD and
    /// conversion resumes one byte later, so the result is always complete.
    /// - Returns: the UTF-8 bytes and whether any input byte was invalid.
    func convert(_ input: UnsafeBufferPointer<UInt8>) -> (utf8: [UInt8], hadInvalidBytes: Bool) {
        guard let inputBase = input.baseAddress, input.count > 0 else { return ([], false) }
        var output = [UInt8](repeating: 0, count: input.count &* 2 &+ 16)
        var written = 0
        var invalid = false
        var inPointer = UnsafeMutablePointer<CChar>(mutating: UnsafeRawPointer(inputBase).assumingMemoryBound(to: CChar.self))
        var inLeft = input.count
        while inLeft > 0 {
            let capacity = output.count
            let (result, produced) = output.withUnsafeMutableBufferPointer { buffer -> (Int, Int) in
                guard let outBase = buffer.baseAddress else { return (0, 0) }
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase + written)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = capacity &- written
                var inOptional: UnsafeMutablePointer<CChar>? = inPointer
                let status = iconv(handle, &inOptional, &inLeft, &outPointer, &outLeft)
                if let advanced = inOptional { inPointer = advanced }
                return (status, capacity &- written &- outLeft)
            }
            written &+= produced
            guard result == -1 else { break }
            switch errno {
            case E2BIG:
                output.append(contentsOf: repeatElement(0, count: output.count))
            default:
                // EILSEQ or EINVAL (truncated sequence at the end): replace one byte and go on.
                invalid = true
                if output.count &- written < 3 { output.append(contentsOf: repeatElement(0, count: 16)) }
                output[written] = 0xEF; output[written &+ 1] = 0xBF; output[written &+ 2] = 0xBD
                written &+= 3
                inPointer += 1
                inLeft -= 1
            }
        }
        output.removeSubrange(written...)
        return (output, invalid)
    }
}
