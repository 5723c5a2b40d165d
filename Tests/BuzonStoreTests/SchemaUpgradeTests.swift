import Foundation
import Testing
@testable import BuzonStore

@Suite struct SchemaUpgradeTests {
    @Test func aVersion1DatabaseIsUpgradedWithItsDataKeptAndIndexed() throws {
        let directory = try TemporaryDirectory()
        do {
            let old = try Database(path: directory.databasePath, migrations: Array(TicketStore.migrations.prefix(1)))
            #expect(try old.userVersion() == 1)
            try old.run("""
                INSERT INTO tickets (number, subject, organization, contact_address, department, category, state, created_at, updated_at)
                VALUES ('OP10007', 'Antiguo', 'Andina', 'ana@andina.cl', 'Soporte', 'Soporte', 'answered', 0, 0)
                """)
            try old.run("""
                INSERT INTO messages (ticket_id, direction, author, from_address, subject, reply, body, message_id, received_at)
                VALUES (1, 'in', 'customer', 'ana@andina.cl', 'Antiguo', 'La conexión falla', 'La conexión falla', 'old@x', 0)
                """)
            try old.run("INSERT INTO ticket_sequence (id, next_number) VALUES (1, 10008)")
        }
        let store = try directory.openStore()
        #expect(try store.database.userVersion() == TicketStore.migrations.last?.version)
        #expect(try store.ticket(number: "OP10007")?.state == .answered)
        #expect(try store.ticket(referencingMessageIDs: ["old@x"])?.number == "OP10007")
        #expect(try store.search(text: "conexion").map(\.number) == ["OP10007"], "old messages are indexed by the upgrade")
        #expect(try store.allocateTicketNumber(prefix: "OP", first: 10000) == "OP10008")
    }

    /// Held rows written before version 4 stay held, with a reason code derived from their words.
    @Test func heldRowsFromVersion2GetADispositionAndAReasonCode() throws {
        let directory = try TemporaryDirectory()
        do {
            let old = try Database(path: directory.databasePath, migrations: Array(TicketStore.migrations.prefix(2)))
            #expect(try old.userVersion() == 2)
            for (index, reason) in ["unknown sender", "sender not authentic (dmarc=fail for x.cl)",
                                    "Andina has reached its limit of 3 open tickets", "staff mail naming no ticket",
                                    "no usable From address"].enumerated() {
                try old.run("""
                    INSERT INTO held_messages (mailbox, from_address, subject, reason, raw, received_at) VALUES ('soporte', 'a@x.cl', 's', ?, x'00', ?)
                    """, reason, Double(index))
            }
        }
        let store = try directory.openStore()
        let held = try store.heldMessages()
        #expect(held.map(\.message.reasonCode) == ["unknown_sender", "not_authentic", "open_ticket_limit", "staff_without_ticket",
                                                   "missing_sender"])
        #expect(held.allSatisfy { $0.message.disposition == .held })
        #expect(try store.keptMessages(.rejected).isEmpty)
    }

    @Test func aDatabaseFromANewerBuzonIsRefused() throws {
        let directory = try TemporaryDirectory()
        do {
            let database = try Database(path: directory.databasePath)
            try database.execute("PRAGMA user_version = 99")
        }
        do {
            _ = try directory.openStore()
            Issue.record("must refuse")
        } catch {
            #expect(error.kind == .schemaTooNew && error.description.contains("99"))
        }
    }

    @Test func backupIsAConsistentOpenableCopy() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let number = try store.makeTicket().number
        try store.addIncoming(to: number, messageID: "m@x", reply: "copia de seguridad")
        let copyPath = directory.path + "/backup.sqlite"
        try store.backup(to: copyPath)
        try store.makeTicket()
        let copy = try TicketStore(databasePath: copyPath, attachmentsDirectory: directory.attachmentsPath)
        #expect(try copy.tickets().map(\.number) == [number])
        #expect(try copy.search(text: "seguridad").map(\.number) == [number])
        #expect(throws: StoreError.self) { try store.backup(to: "/nonexistent-\(UUID().uuidString)/b.sqlite") }
    }
}
