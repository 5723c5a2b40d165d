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
    private static func readAll(descriptor: Int32, path: String, sizeHint: Int = 0) throws(ReadError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(sizeHint, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 64 * 1024))) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: String(cString: strerror(errno)))
            }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }
}
