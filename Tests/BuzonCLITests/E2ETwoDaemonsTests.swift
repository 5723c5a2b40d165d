import Foundation
import Testing
import BuzonTesting
#if canImport(Glibc)
import Glibc
#endif

/// Two `buzon run` daemons on one database and one Dovecot (issue #10 item 9): one polls the
/// mailbox (a file lock), both send the outbox (claimed rows), every customer is acknowledged
/// exactly once, and killing the poller lets the other take over.
@Suite(.serialized, .e2eServers(users: E2EDesk.users("twod")))
struct E2ETwoDaemonsTests {
    @Test func twoDaemonsAcknowledgeEachTicketOnceAndTheSecondTakesOverWhenTheFirstDies() throws {
        let desk = try E2EDesk("twod", options: .init(withVentas: false, batchSize: 10))
        let count = 120
        func mail(_ index: Int) -> TestMail {
            TestMail(from: "cliente\(index).twod@andina.cl", to: ["soporte@empresa.com"], subject: "Consulta \(index)",
                     body: "Hola:\n\nConsulta número \(index).\n\nSaludos", messageID: "twod-\(index)@mail.andina.cl")
        }
        for index in 0..<count { try desk.deliver(mail(index)) }
        let one = try BuzonDaemon(desk: desk, logName: "one.log")
        let two = try BuzonDaemon(desk: desk, logName: "two.log")
        let customers = Set((0..<count).map { "cliente\($0).twod@andina.cl" })
        try desk.servers.waitForMessages(count: count, timeout: 60) { !customers.isDisjoint(with: $0.recipients) }
        usleep(1_500_000)  // a round more of both: nothing may be sent twice
        let doubledWhileBoth = try Self.doubled(desk)
        #expect(doubledWhileBoth.isEmpty, "\(doubledWhileBoth.count) acknowledged more than once while both ran: \(doubledWhileBoth.prefix(5))")

        // Exactly one of them polls; the other says so once.
        let skipped = [one, two].filter { !$0.events("mailbox.locked_elsewhere").isEmpty }
        try #require(skipped.count == 1, "one daemon must skip the locked mailbox; logs:\n\(one.log)\n\(two.log)")
        let (poller, standby) = skipped[0] === two ? (one, two) : (two, one)
        #expect(standby.events("mailbox.polled").isEmpty, "the standby daemon polled: \(standby.log)")

        // The poller dies; mail that arrives afterwards is ticketed by the standby.
        poller.kill9()
        let late = (count..<count + 5)
        for index in late { try desk.deliver(mail(index)) }
        let lateCustomers = Set(late.map { "cliente\($0).twod@andina.cl" })
        try desk.servers.waitForMessages(count: late.count, timeout: 30) { !lateCustomers.isDisjoint(with: $0.recipients) }
        #expect(standby.events("mailbox.lock_taken_over").count == 1, "log: \(standby.log)")
        usleep(1_500_000)  // a round more: nothing may be sent twice
        standby.signal(SIGTERM)
        #expect(standby.waitForExit(timeout: 10) == 0)

        #expect(Set(try desk.servers.receivedMessages().flatMap(\.recipients).filter { $0.hasSuffix(".twod@andina.cl") }).count == count + late.count)
        let doubled = try Self.doubled(desk)
        #expect(doubled.isEmpty, "\(doubled.count) acknowledged more than once: \(doubled.prefix(5))")
        #expect(try desk.tickets().count == count + late.count)
    }

    /// Customers of this test the SMTP sink received more than one message for.
    static func doubled(_ desk: E2EDesk) throws -> [String] {
        var acknowledgements: [String: Int] = [:]
        for message in try desk.servers.receivedMessages() {
            for recipient in message.recipients where recipient.hasSuffix(".twod@andina.cl") { acknowledgements[recipient, default: 0] += 1 }
        }
        return acknowledgements.filter { $0.value > 1 }.keys.sorted()
    }
}
