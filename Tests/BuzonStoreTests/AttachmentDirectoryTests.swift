import Foundation
import Testing
@testable import BuzonStore

@Suite struct AttachmentDirectoryTests {
    @Test func aMissingParentDirectoryIsReportedWithThePath() throws {
        let directory = try TemporaryDirectory()
        let store = try TicketStore(databasePath: directory.databasePath, attachmentsDirectory: directory.path + "/missing/attachments")
        let row = try store.addIncoming(to: nil, messageID: "a@x")
        do {
            try store.addAttachment(messageRowID: row, filename: "a", contentType: "text/plain", data: [1], inline: false, contentID: nil)
            Issue.record("must fail")
        } catch {
            #expect(error.kind == .file(errno: ENOENT))
            #expect(error.description.contains("/missing/attachments") && error.description.contains("No such file"))
        }
    }
}
