import Foundation

/// Reads a whole file (or standard input for `-`) into bytes with `open`/`read`, without
/// going through `String` or `Data`: mail is bytes, and the parser wants `[UInt8]`.
enum FileBytes {
    struct ReadError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot read \(path): \(reason)" }
    }

    static func read(_ path: String) throws(ReadError) -> [UInt8] {
        if path == "-" { return try readAll(descriptor: STDIN_FILENO, path: "standard input") }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw ReadError(path: path, reason: "is a directory") }
        return try readAll(descriptor: descriptor, path: path, sizeHint: Int(status.st_size))
    }

    /// Reads until end of file; `sizeHint` only pre-sizes the buffer (files may grow or be pipes).
    /// Reads into uninitialized memory: zero-filling a buffer that `read` overwrites anyway
    /// was a measurable part of loading a corpus.
    private static func readAll(descriptor: Int32, path: String, sizeHint: Int = 0) throws(ReadError) -> [UInt8] {
        var (bytes, ended) = try readChunk(descriptor: descriptor, path: path, capacity: max(sizeHint, 0) + 1)
        while !ended {
            let chunk: [UInt8]
            (chunk, ended) = try readChunk(descriptor: descriptor, path: path, capacity: max(bytes.count, 64 * 1024))
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }

    /// Up to `capacity` bytes; `ended` is true when end of file came first.
    private static func readChunk(descriptor: Int32, path: String, capacity: Int) throws(ReadError) -> (bytes: [UInt8], ended: Bool) {
        var failure: Int32 = 0
        var ended = false
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            while count < capacity {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, capacity - count)
                if got == 0 {
                    ended = true
                    return
                }
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                count += got
            }
        }
        if failure != 0 { throw ReadError(path: path, reason: String(cString: strerror(failure))) }
        return (bytes, ended)
    }
}
