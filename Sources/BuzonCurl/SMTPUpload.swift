import CCurl

/// The message bytes curl reads during one SMTP transfer (`CURLOPT_READFUNCTION`). curl gets
/// this object through `CURLOPT_READDATA` as an unretained pointer: the sender keeps it alive
/// for the whole `curl_easy_perform`.
final class SMTPUpload {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Copies the next chunk into curl's buffer; 0 means end of message.
    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }

    /// The C entry point: a non-capturing closure, context from `userdata`.
    static let callback: curl_read_callback = { buffer, size, count, userdata in
        guard let buffer, let userdata else { return Int(CURL_READFUNC_ABORT) }
        let upload = Unmanaged<SMTPUpload>.fromOpaque(userdata).takeUnretainedValue()
        return upload.read(into: buffer, capacity: size * count)
    }
}
