import Testing
import Foundation

/// Runs the built `buzon` binary the way an operator or a script would.
@Suite struct CLITests {
    @Test func helpListsCommands() throws {
        let result = try BuzonBinary.run(["help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("parse"))
    }

    @Test func unknownCommandIsAUsageError() throws {
        let result = try BuzonBinary.run(["frobnicate"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown command 'frobnicate'"))
    }
}
