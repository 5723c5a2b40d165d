import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Attachment files stored by content: `<root>/<first two hex digits>/<sha256>`.
///
/// The same bytes attached to many messages are stored once. A file is written to a temporary name
/// in its final directory, fsynced, renamed into place and the directory fsynced, so a reader never
/// sees a partial file and a crash leaves at worst a stray `.tmp-…` file.
/// Files are written before the surrounding transaction commits; a rollback leaves an unreferenced
/// file, harmless because its name is its content.
struct AttachmentDirectory: Sendable {
    let root: String

    func path(sha256: String) -> String {
        "\(root)/\(sha256.prefix(2))/\(sha256)"
    }

    /// Stores `data` under `sha256` unless a file with that name exists already.
    func store(_ data: [UInt8], sha256: String) throws(StoreError) {
        let directory = "\(root)/\(sha256.prefix(2))"
        let final = path(sha256: sha256)
        if access(final, F_OK) == 0 { return }
        try makeDirectory(root)
        try makeDirectory(directory)
        let temporary = "\(directory)/.tmp-\(UUID().uuidString)"
        try writeSynced(data, to: temporary)
        guard rename(temporary, final) == 0 else {
            let code = errno
            unlink(temporary)
            throw fileError(code, "renaming \(temporary) to \(final)")
        }
        try syncDirectory(directory)
    }

    private func writeSynced(_ data: [UInt8], to path: String) throws(StoreError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw fileError(errno, "creating \(path)") }
        defer { close(descriptor) }
        var written = 0
        while written < data.count {
            let result = data.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                let code = errno
                unlink(path)
                throw fileError(code, "writing \(path)")
            }
            written += result
        }
        guard fsync(descriptor) == 0 else {
            let code = errno
            unlink(path)
            throw fileError(code, "syncing \(path)")
        }
    }

    /// Creates one directory level; an existing one is fine. The root's parent must exist.
    private func makeDirectory(_ path: String) throws(StoreError) {
        guard mkdir(path, 0o750) == 0 || errno == EEXIST else {
            throw fileError(errno, "creating the attachments directory \(path) (does its parent exist?)")
        }
    }

    /// Makes the rename itself durable.
    private func syncDirectory(_ directory: String) throws(StoreError) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw fileError(errno, "opening \(directory)") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw fileError(errno, "syncing \(directory)") }
    }

    private func fileError(_ code: Int32, _ operation: String) -> StoreError {
        StoreError(kind: .file(errno: code), message: String(cString: strerror(code)), operation: operation)
    }
}
