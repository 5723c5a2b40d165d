import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// TCP ports on 127.0.0.1 for the local test servers.
enum LoopbackPort {
    /// Ports already given to a server of this process. Suites run in parallel in one test
    /// process, and the kernel may hand the same ephemeral port out twice once the probing
    /// socket is closed; a suite that stops its server for an outage test must never take
    /// down another suite's server that got the same port.
    private static let handedOut = HandedOutPorts()

    /// A port the kernel just handed out (bind to 0, read it, close), never one this process
    /// handed out before. Another process could take it before the daemon binds; the daemon
    /// then fails to start and the error says so.
    static func free() throws -> Int {
        for _ in 0..<100 {
            let port = try probe()
            if handedOut.claim(port) { return port }
        }
        throw LocalServersError("no unused loopback port after 100 tries")
    }

    private static func probe() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LocalServersError("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw LocalServersError("cannot bind a free port on 127.0.0.1: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// True when something accepts connections on 127.0.0.1:`port`.
    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// Waits until every port accepts, or the daemon died, or the deadline passed.
    static func wait(for ports: [Int], of daemon: DaemonProcess, timeout: TimeInterval) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var waiting = ports
        while !waiting.isEmpty {
            waiting.removeAll(where: accepts)
            if waiting.isEmpty { return }
            guard daemon.isRunning else {
                throw LocalServersError("\(daemon.name) exited before listening on \(waiting); log \(daemon.logPath):\n\(DaemonProcess.tail(of: daemon.logPath))")
            }
            guard Date() < deadline else {
                throw LocalServersError("\(daemon.name) did not listen on \(waiting) within \(timeout) s; log \(daemon.logPath):\n\(DaemonProcess.tail(of: daemon.logPath))")
            }
            usleep(10_000)
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}

/// The set behind `LoopbackPort.free()`; a lock makes it safe from parallel suites.
private final class HandedOutPorts: @unchecked Sendable {
    private let lock = NSLock()
    private var ports: Set<Int> = []

    /// True when `port` was not handed out before (and now is).
    func claim(_ port: Int) -> Bool {
        lock.withLock { ports.insert(port).inserted }
    }
}
