import Testing
import BuzonTesting

/// One real Dovecot + SMTP sink per end-to-end suite: started before the suite's first test,
/// stopped after its last (Swift Testing makes a new suite instance per test, so `init`/`deinit`
/// would start servers per test). Each test then uses its own mailbox users and customer
/// addresses, so tests never see each other's mail.
struct E2EServers: SuiteTrait, TestScoping {
    @TaskLocal static var current: LocalServers?

    let users: [String]
    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        let servers = try LocalServers.start(users: Dictionary(uniqueKeysWithValues: users.map { ($0, E2EDesk.password) }))
        defer { servers.stop() }
        try await Self.$current.withValue(servers) { try await function() }
    }

    static func servers() throws -> LocalServers {
        try #require(current, "the suite needs the .e2eServers(users:) trait")
    }
}

extension Trait where Self == E2EServers {
    /// Real Dovecot + SMTP sink for the whole suite, with these mailbox users.
    static func e2eServers(users: [String]) -> Self { E2EServers(users: users) }
}
