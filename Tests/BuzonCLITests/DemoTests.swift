import Foundation
import Testing

/// The README's first command, `buzon-demo`, run as a user would: it must finish and show
/// the morning's tickets, the held message and the mail customers received.
@Suite struct DemoTests {
    @Test func demoRunsTheWholeDeskAndPrintsTheMorning() throws {
        let demo = BuzonBinary.url.deletingLastPathComponent().appendingPathComponent("buzon-demo")
        try #require(FileManager.default.isExecutableFile(atPath: demo.path), "buzon-demo is not built at \(demo.path)")
        // Output to a file, not a pipe: a server the demo starts must not hold our reader open.
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("buzon-demo-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        let process = Process()
        process.executableURL = demo
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let text = try String(contentsOf: output, encoding: .utf8)

        #expect(process.terminationStatus == 0, "\(text)")
        for number in ["OP10044", "OP10045", "OP10046"] { #expect(text.contains(number), "missing \(number)") }
        #expect(!text.contains("OP10047"))
        #expect(text.contains("Error al emitir factura electrónica"))
        // The held line: Lucía's second request, over her organization's limit.
        #expect(text.contains { _ in true } && text.split(separator: "\n").contains {
            $0.contains("lucia@ferreterialucia.cl") && $0.contains("limit of 1 open tickets")
        })
        #expect(text.contains("→ mario.gonzalez1987@gmail.com"))
        #expect(text.hasSuffix("done.\n"))
    }
}
