import Foundation

/// sd_notify(3) without libsystemd: one datagram to `$NOTIFY_SOCKET` per state change
/// (`READY=1`, `WATCHDOG=1`, `RELOADING=1`, `STOPPING=1`, `STATUS=…`). A no-op when the
/// variable is unset, so the same binary runs under systemd, cron and tests.
public struct SystemdNotifier: Sendable {
    public let socketPath: String?
    /// Half the watchdog interval systemd asked for (`WATCHDOG_USEC`), nil when none.
    public let watchdogInterval: TimeInterval?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        watchdogInterval = environment["WATCHDOG_USEC"].flatMap(Double.init).map { $0 / 2_000_000 }
    }

    public var isActive: Bool { socketPath != nil }

    @discardableResult
    public func notify(_ state: String) -> Bool {
        guard let socketPath else { return false }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(socketPath.utf8)
        // A leading '@' names an abstract socket: the first byte of sun_path is NUL.
        if pathBytes.first == UInt8(ascii: "@") { pathBytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count)
        let payload = Array(state.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddrPointer in
                sendto(fd, payload, payload.count, 0, sockaddrPointer, length)
            }
        }
        return sent == payload.count
    }
}
