import Testing
import BuzonTesting
import BuzonTransport
@testable import BuzonCurl

@Suite(.localServers(users: ["big", "batch", "peek", "search", "validity", "trunc"]))
struct IMAPFetchTests {
    @Test func fetchesFiveMegabyteMessageWithLongLineByteForByte() throws {
        let servers = try LocalServersScope.servers()
        var bytes = TestMail.message(subject: "grande", body: "")
        bytes += Array(repeating: UInt8(ascii: "x"), count: 100_000) + [13, 10]
        let line = Array("0123456789 ) {12} * 1 FETCH (BODY[] \"quoted\" abcdefghijklmnopqrstuvwxyz0123456789\r\n".utf8)
        while bytes.count < 5_000_000 { bytes += line }
        try servers.deliver(bytes, to: "big")

        let client = try TestMail.imap(servers, user: "big")
        _ = try client.open()
        let uids = try client.search(afterUID: 0, unseenOnly: false)
        #expect(uids.count == 1)
        let fetched = try client.fetch(uids: uids, maxBytes: 10_000_000)
        #expect(fetched.count == 1)
        #expect(firstDifference(fetched.first?.bytes, bytes) == nil)
        #expect(fetched.first?.size == bytes.count)
        #expect(fetched.first?.truncated == false)
    }

    @Test func fetchesBatchOfFiftyExactlyOldestFirst() throws {
        let servers = try LocalServersScope.servers()
        let messages = (1 ... 50).map { index in
            TestMail.message(subject: "lote \(index)", body: "línea \(index)\r\n\r\n)\r\n{3}\r\nfin\r\n")
        }
        for message in messages { try servers.deliver(message, to: "batch") }

        let client = try TestMail.imap(servers, user: "batch")
        _ = try client.open()
        let uids = try client.search(afterUID: 0, unseenOnly: true)
        #expect(uids == uids.sorted() && uids.count == 50)
        let fetched = try client.fetch(uids: uids, maxBytes: 1_000_000)
        #expect(fetched.map(\.uid) == uids)
        #expect(fetched.map(\.bytes) == messages, "bytes differ")
        let reversed = try client.fetch(uids: uids.reversed(), maxBytes: 1_000_000)
        #expect(reversed.map(\.bytes) == messages.reversed())
    }

    @Test func bodyPeekLeavesMessagesUnseen() throws {
        let servers = try LocalServersScope.servers()
        for index in 1 ... 2 { try servers.deliver(TestMail.message(subject: "peek \(index)"), to: "peek") }
        let client = try TestMail.imap(servers, user: "peek")
        _ = try client.open()
        let uids = try client.search(afterUID: 0, unseenOnly: true)
        _ = try client.fetch(uids: uids, maxBytes: 1_000_000)
        client.close()

        let again = try TestMail.imap(servers, user: "peek")
        _ = try again.open()
        #expect(try again.search(afterUID: 0, unseenOnly: true) == uids)
        let files = try servers.maildirMessages(user: "peek")
        #expect(files.count == 2 && files.allSatisfy { !$0.isSeen })
    }

    @Test func searchReturnsOnlyUIDsAfterTheLastOne() throws {
        let servers = try LocalServersScope.servers()
        for index in 1 ... 3 { try servers.deliver(TestMail.message(subject: "search \(index)"), to: "search") }
        let client = try TestMail.imap(servers, user: "search")
        _ = try client.open()
        let all = try client.search(afterUID: 0, unseenOnly: false)
        #expect(all.count == 3)
        #expect(try client.search(afterUID: all[0], unseenOnly: false) == Array(all[1...]))
        // `n:*` with n above every UID still matches the last message: it must be filtered out.
        #expect(try client.search(afterUID: all[2], unseenOnly: false) == [])
        #expect(try client.search(afterUID: all[2] + 100, unseenOnly: false) == [])
    }

    @Test func reportsUIDValidityUIDNextAndCount() throws {
        let servers = try LocalServersScope.servers()
        for index in 1 ... 4 { try servers.deliver(TestMail.message(subject: "validity \(index)"), to: "validity") }
        let client = try TestMail.imap(servers, user: "validity")
        let status = try client.open()
        let uids = try client.search(afterUID: 0, unseenOnly: false)
        #expect(status.uidValidity > 0)
        #expect(status.messageCount == 4)
        #expect(status.uidNext == uids.last! + 1)
        let other = try TestMail.imap(servers, user: "validity")
        #expect(try other.open().uidValidity == status.uidValidity)
    }

    @Test func truncatesMessagesAboveMaxBytes() throws {
        let servers = try LocalServersScope.servers()
        let sizes = [100, 10_000, 20_000]
        let messages = sizes.map { size in
            var bytes = TestMail.message(subject: "trunc \(size)")
            while bytes.count < size { bytes += Array("abcdefghij".utf8) }
            return bytes
        }
        for message in messages { try servers.deliver(message, to: "trunc") }
        let client = try TestMail.imap(servers, user: "trunc")
        _ = try client.open()
        let fetched = try client.fetch(uids: try client.search(afterUID: 0, unseenOnly: false), maxBytes: 5_000)
        #expect(fetched.map(\.truncated) == [false, true, true])
        #expect(fetched.map(\.size) == messages.map(\.count))
        #expect(fetched[0].bytes == messages[0])
        #expect(fetched[1].bytes == Array(messages[1].prefix(5_000)))
        #expect(fetched[2].bytes == Array(messages[2].prefix(5_000)))
    }
}
