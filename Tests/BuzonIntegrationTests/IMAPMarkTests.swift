import Testing
import BuzonTesting
import BuzonTransport
@testable import BuzonCurl

@Suite(.localServers(users: ["seen", "move", "copy", "utf", "delete", "create"]))
struct IMAPMarkTests {
    /// Delivers `count` messages and returns a client opened on INBOX with their UIDs.
    private func prepare(_ user: String, count: Int = 2) throws -> (LocalServers, IMAPClient, [UInt32]) {
        let servers = try LocalServersScope.servers()
        for index in 1 ... count { try servers.deliver(TestMail.message(subject: "\(user) \(index)"), to: user) }
        let client = try TestMail.imap(servers, user: user)
        _ = try client.open()
        let uids = try client.search(afterUID: 0, unseenOnly: false)
        try #require(uids.count == count)
        return (servers, client, uids)
    }

    @Test func markSeenSetsTheSeenFlagInTheMaildir() throws {
        let (servers, client, uids) = try prepare("seen")
        try client.mark(uid: uids[0], as: .seen)
        #expect(try client.search(afterUID: 0, unseenOnly: true) == [uids[1]])
        let files = try servers.maildirMessages(user: "seen")
        #expect(files.filter(\.isSeen).count == 1)
        #expect(files.count == 2)
    }

    @Test func moveCreatesProcesadosAndMovesTheMessage() throws {
        let (servers, client, uids) = try prepare("move")
        #expect(!servers.folderExists(user: "move", folder: "Procesados"))
        try client.mark(uid: uids[0], as: .move(folder: "Procesados"))
        #expect(try servers.messageCount(user: "move", folder: "Procesados") == 1)
        #expect(try servers.messageCount(user: "move") == 1)
        #expect(try client.search(afterUID: 0, unseenOnly: false) == [uids[1]])
        // Second move into the now existing folder: no TRYCREATE round.
        try client.mark(uid: uids[1], as: .move(folder: "Procesados"))
        #expect(try servers.messageCount(user: "move", folder: "Procesados") == 2)
        #expect(try servers.messageCount(user: "move") == 0)
    }

    @Test func moveWithoutTheMoveExtensionCopiesAndExpunges() throws {
        let (servers, client, uids) = try prepare("copy", count: 3)
        client.useMoveExtension = false
        try client.mark(uid: uids[1], as: .move(folder: "Procesados"))
        #expect(try servers.messageCount(user: "copy", folder: "Procesados") == 1)
        #expect(try client.search(afterUID: 0, unseenOnly: false) == [uids[0], uids[2]])
        #expect(try servers.messageCount(user: "copy") == 2)
    }

    @Test func moveToANonASCIIFolderUsesModifiedUTF7() throws {
        let (servers, client, uids) = try prepare("utf")
        try client.mark(uid: uids[0], as: .move(folder: "Nuevos/Año"))
        // RFC 3501 §5.1.3: "Año" is "A&APE-o" on the wire; Dovecot's Maildir++ keeps that name.
        #expect(try servers.messageCount(user: "utf", folder: "Nuevos/A&APE-o") == 1)
        let moved = try TestMail.imap(servers, user: "utf", folder: "Nuevos/Año")
        #expect(try moved.open().messageCount == 1)
        let message = try moved.fetch(uids: try moved.search(afterUID: 0, unseenOnly: false), maxBytes: 100_000)
        #expect(message.first?.bytes == TestMail.message(subject: "utf 1"))
    }

    @Test func deleteExpungesOnlyThatMessage() throws {
        let (servers, client, uids) = try prepare("delete", count: 3)
        try client.mark(uid: uids[1], as: .delete)
        #expect(try servers.messageCount(user: "delete") == 2)
        #expect(try client.search(afterUID: 0, unseenOnly: false) == [uids[0], uids[2]])
        #expect(try client.open().messageCount == 2)
    }

    @Test func badFolderNameIsAConfigurationError() throws {
        let (_, client, uids) = try prepare("create", count: 1)
        let error = #expect(throws: TransportError.self) { try client.mark(uid: uids[0], as: .move(folder: "Mal\r\nNombre")) }
        #expect(error?.kind == .configuration, "\(String(describing: error))")
    }
}
