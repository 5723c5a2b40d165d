import Testing
import BuzonTesting

/// One `LocalServers` per suite: started before the suite's first test, stopped after its
/// last (Swift Testing builds a new suite instance per test, so `init`/`deinit` would start
/// servers per test). Tests read them from `LocalServersScope.current`.
struct LocalServersScope: SuiteTrait, TestScoping {
    @TaskLocal static var current: LocalServers?

    let users: [String]
    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        let servers = try LocalServers.start(users: Dictionary(uniqueKeysWithValues: users.map { ($0, "secret-\($0)") }))
        defer { servers.stop() }
        try await Self.$current.withValue(servers) { try await function() }
    }

    static func servers() throws -> LocalServers {
        try #require(current, "the suite needs the .localServers(users:) trait")
    }
}

extension Trait where Self == LocalServersScope {
    /// Real Dovecot + SMTP sink for the whole suite; one user per test keeps tests independent.
    static func localServers(users: [String]) -> Self { LocalServersScope(users: users) }
}
