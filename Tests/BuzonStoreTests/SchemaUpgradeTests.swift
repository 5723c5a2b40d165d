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
        let store = try directory.openStore(upgrade: .backupThenUpgrade)
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
        let store = try directory.openStore(upgrade: .backupThenUpgrade)
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

    // MARK: Issue #10 item 13: no command upgrades (or adopts) a database it should not

    @Test func aDatabaseThatIsNotBuzonsIsRefusedAndLeftUntouched() throws {
        let directory = try TemporaryDirectory()
        do {
            let other = try Database(path: directory.databasePath)
            try other.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        }
        for upgrade in [SchemaUpgrade.refuse, .backupThenUpgrade, .openAsIs] {
            #expect { try TicketStore(databasePath: directory.databasePath, attachmentsDirectory: directory.attachmentsPath, upgrade: upgrade) }
                throws: { ($0 as? StoreError)?.kind == .notBuzonDatabase }
        }
        let other = try Database(path: directory.databasePath)
        #expect(try other.query("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.string(0) } == ["customers"])
        #expect(try other.userVersion() == 0)
    }

    @Test func anOlderSchemaIsUpgradedOnlyWhenAllowedAndAfterABackup() throws {
        let directory = try TemporaryDirectory()
        do {
            let old = try Database(path: directory.databasePath, migrations: Array(TicketStore.migrations.prefix(1)))
            try old.run("INSERT INTO ticket_sequence (id, next_number) VALUES (1, 10008)")
        }
        do {
            _ = try TicketStore(databasePath: directory.databasePath, attachmentsDirectory: directory.attachmentsPath, upgrade: .refuse)
            Issue.record("an old schema must be refused")
        } catch {
            #expect(error.kind == .schemaTooOld && error.needsOperator)
            #expect(error.description.contains("schema version 1") && error.description.contains("buzon db migrate"), "\(error)")
        }
        #expect(try TicketStore.schemaVersion(ofFileAt: directory.databasePath) == 1, "refusing changed nothing")
        let asIs = try TicketStore(databasePath: directory.databasePath, attachmentsDirectory: directory.attachmentsPath, upgrade: .openAsIs)
        #expect(try asIs.database.userVersion() == 1)

        let store = try TicketStore(databasePath: directory.databasePath, attachmentsDirectory: directory.attachmentsPath, upgrade: .backupThenUpgrade)
        #expect(try store.database.userVersion() == TicketStore.schemaVersion)
        let backup = try #require(store.database.upgradeBackup)
        #expect(backup.hasPrefix(directory.databasePath + ".v1-") && backup.hasSuffix(".bak"))
        let mode = try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try TicketStore.schemaVersion(ofFileAt: backup) == 1, "the backup is the database as it was")
        #expect(try store.allocateTicketNumber(prefix: "OP", first: 10000) == "OP10008")
    }

    @Test func backupFilesAreOnlyReadableByTheOwner() throws {
        let directory = try TemporaryDirectory()
        let store = try directory.openStore()
        let path = directory.path + "/copy.sqlite"
        _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o644])
        try store.backup(to: path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
    }

    /// A new file is built at the latest schema in one transaction: a reader opening it meanwhile
    /// (the CLI next to a daemon starting for the first time) must never see a half-built schema
    /// and refuse it as an old one. Shown by a step that fails: nothing of the earlier steps stays.
    @Test func aNewFileIsBuiltInOneTransaction() throws {
        let directory = try TemporaryDirectory()
        let broken = Migration(version: TicketStore.schemaVersion + 1, name: "broken", sql: "CREATE TABLE tickets (x)")
        #expect(throws: StoreError.self) {
            _ = try Database(path: directory.databasePath, migrations: TicketStore.migrations + [broken])
        }
        let reopened = try Database(path: directory.databasePath, migrations: [])
        #expect(try reopened.userVersion() == 0, "no step of the failed creation was kept")
        #expect(try TicketStore(databasePath: directory.databasePath, attachmentsDirectory: directory.attachmentsPath)
            .schemaVersionOnDisk() == TicketStore.schemaVersion, "the empty file is then created as new")
    }
}
