import Testing
import Foundation
import BuzonTesting
@testable import BuzonGateway

@Suite struct SystemdNotifierTests {
    @Test func sendsStatesToTheNotifySocket() throws {
        let directory = try TemporaryDirectory()
        let socket = try DatagramSocket(path: directory.path + "/notify.sock")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "10000000"])
        #expect(notifier.isActive)
        #expect(notifier.watchdogInterval == 5)
        #expect(notifier.notify("READY=1"))
        #expect(notifier.notify("WATCHDOG=1"))
        #expect(socket.receiveAll() == ["READY=1", "WATCHDOG=1"])
    }

    @Test func reachesAnAbstractSocketNamedWithAt() throws {
        let socket = try DatagramSocket(path: "@buzon-test-\(UUID().uuidString)")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.path])
        #expect(notifier.notify("STATUS=polling 2 mailboxes"))
        #expect(socket.receiveAll() == ["STATUS=polling 2 mailboxes"])
    }

    @Test func isANoOpWithoutNotifySocket() {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isActive)
        #expect(notifier.watchdogInterval == nil)
        #expect(!notifier.notify("READY=1"))
        #expect(!SystemdNotifier(environment: ["NOTIFY_SOCKET": ""]).isActive)
    }

    @Test func reportsFailureWhenNobodyListens() throws {
        let directory = try TemporaryDirectory()
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": directory.path + "/nobody.sock"])
        #expect(!notifier.notify("READY=1"))
    }
}
