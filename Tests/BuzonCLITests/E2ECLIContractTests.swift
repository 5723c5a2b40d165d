import Foundation
import Testing
import BuzonMIME
import BuzonStore
import BuzonTesting

/// The command-line contract scripts and MTAs rely on: exit codes, `--json` keys, and the
/// desk commands' real effects on tickets, the outbox and the mail customers receive.
@Suite(.serialized, .e2eServers(users: ["deliver", "fresh", "badconf", "pipe", "dbforeign", "dbold", "baddb", "keys", "held", "explain", "reopen", "window", "desk", "status", "notfound", "counts"]
    .flatMap(E2EDesk.users)))
struct E2ECLIContractTests {
    static func request(_ customer: String, subject: String, id: String) -> TestMail {
        TestMail(from: customer, to: ["soporte@empresa.com"], subject: subject,
                 body: "Hola:\n\n\(subject): el sistema muestra un error al guardar.\n\nGracias", messageID: id)
    }

    /// Writes a message file into the desk's directory.
    static func file(_ mail: TestMail, in desk: E2EDesk, name: String) throws -> String {
        let path = desk.directory + "/" + name
        try Data(mail.bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func deliverStoresPrintsTheDecisionAndQueuesTheAcknowledgement() throws {
        let desk = try E2EDesk("deliver")
        let mail = Self.request("ana.deliver@andina.cl", subject: "No puedo emitir boletas", id: "deliver-1@andina.cl")
        let path = try Self.file(mail, in: desk, name: "msg.eml")

        let first = try desk.buzon(["deliver", "--mailbox", "soporte", "--file", path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("new_ticket\tOP10044\t"), "\(first.stdout)")
        let again = try desk.buzon(["deliver", "--mailbox", "soporte", "--file", path])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("duplicate\tOP10044\t"), "\(again.stdout)")
        // From standard input, the way Postfix's pipe delivers.
        let piped = try BuzonBinary.run(["deliver", "--mailbox", "soporte", "--config", desk.configPath],
                                        stdin: Data(Self.request("jorge.deliver@andina.cl", subject: "Otra consulta", id: "deliver-2@andina.cl").bytes))
        #expect(piped.status == 0)
        #expect(piped.stdout.hasPrefix("new_ticket\tOP10045\t"), "\(piped.stdout)")

        let outbox = try desk.outbox()
        try #require(outbox.count == 2)
        for key in ["id", "template", "to", "ticket", "status"] { #expect(outbox[0][key] != nil, "outbox key \(key)") }
        #expect(outbox.allSatisfy { $0.string("status") == "queued" && $0.string("template") == "acknowledgement" })
        #expect(try desk.received(to: "ana.deliver@andina.cl").isEmpty)

        try desk.runOnce()
        #expect(try desk.outbox().allSatisfy { $0.string("status") == "sent" })
        #expect(try desk.received(to: "ana.deliver@andina.cl").first?.ticketInSubject == "OP10044")
        #expect(try desk.received(to: "jorge.deliver@andina.cl").first?.ticketInSubject == "OP10045")
    }

    /// The MTA starts several `buzon deliver` at once on a brand-new database (and the daemon
    /// and an operator's `buzon status` race the same way): every one must create or find the
    /// schema, none may fail with "table already exists".
    @Test func parallelDeliveriesOnAFreshDatabaseAllSucceed() throws {
        let desk = try E2EDesk("fresh")
        let parallel = 8
        let paths = try (0..<parallel).map { index in
            try Self.file(Self.request("cliente\(index).fresh@andina.cl", subject: "Consulta \(index)", id: "fresh-\(index)@andina.cl"),
                          in: desk, name: "msg\(index).eml")
        }
        for round in 0..<5 {
            for name in try FileManager.default.contentsOfDirectory(atPath: desk.directory) where name.hasPrefix("buzon.sqlite") {
                try FileManager.default.removeItem(atPath: desk.directory + "/" + name)
            }
            let lock = NSLock()
            nonisolated(unsafe) var results: [BuzonBinary.Result] = []
            DispatchQueue.concurrentPerform(iterations: parallel) { index in
                let result = try? desk.buzon(["deliver", "--mailbox", "soporte", "--file", paths[index]])
                lock.withLock { results.append(result ?? BuzonBinary.Result(status: -1, stdout: "", stderr: "could not start")) }
            }
            for result in results {
                #expect(result.status == 0, "round \(round): \(result.stderr)")
            }
            #expect(try desk.tickets().count == parallel)
        }
    }

    /// Issue #10 item 8: Postfix bounces on 78 (5.3.5), so in pipe mode everything the operator
    /// can fix exits 75 and the MTA keeps the customer's mail.
    @Test func deliverExits75ForEverythingTheOperatorCanFix() throws {
        let desk = try E2EDesk("pipe")
        let path = try Self.file(Self.request("ana.pipe@andina.cl", subject: "Consulta", id: "pipe-1@andina.cl"), in: desk, name: "msg.eml")

        let unknown = try desk.buzon(["deliver", "--mailbox", "soprte", "--file", path])
        #expect(unknown.status == 75, "\(unknown.stderr)")
        #expect(unknown.stderr.contains("did you mean \"soporte\"?"), "\(unknown.stderr)")
        #expect(!unknown.stderr.contains("buzon.toml:0:"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("retries"), "says the MTA keeps the mail: \(unknown.stderr)")

        let usage = try desk.buzon(["deliver", "--file", path])
        #expect(usage.status == 75, "a wrong master.cf line is fixable too: \(usage.stderr)")

        let good = try String(contentsOfFile: desk.configPath, encoding: .utf8)
        try good.replacingOccurrences(of: E2EDesk.templatesDirectory, with: desk.directory + "/no-templates")
            .write(toFile: desk.configPath, atomically: true, encoding: .utf8)
        let templates = try desk.buzon(["deliver", "--mailbox", "soporte", "--file", path])
        #expect(templates.status == 75, "\(templates.stderr)")

        try good.write(toFile: desk.configPath, atomically: true, encoding: .utf8)
        #expect(try desk.buzon(["deliver", "--mailbox", "soporte", "--file", path]).status == 0, "the retry after the fix delivers")
        #expect(try desk.tickets().count == 1)
    }

    /// Issue #10 item 13: a file that is not Buzón's is refused by every command and left as it was.
    @Test func aDatabaseThatIsNotBuzonsIsRefusedUntouched() throws {
        let desk = try E2EDesk("dbforeign")
        let database = desk.directory + "/buzon.sqlite"
        try #require(Self.sqlite(database, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);") != nil)
        for command in [["status"], ["run", "--once"], ["db", "migrate"]] {
            let result = try desk.buzon(command)
            #expect(result.status == 78, "buzon \(command[0]) exited \(result.status): \(result.stderr)")
            #expect(result.stderr.contains("not Buzón's"), "\(result.stderr)")
        }
        #expect(Self.sqlite(database, ".tables")?.trimmingCharacters(in: .whitespacesAndNewlines) == "customers")
    }

    /// Issue #10 item 13: only run/deliver/db migrate upgrade an old schema, after a 0600 backup;
    /// other commands name the command; a newer schema is refused naming both versions.
    @Test func onlyMigrateRunAndDeliverUpgradeAnOldSchemaAfterABackup() throws {
        let desk = try E2EDesk("dbold")
        let database = desk.directory + "/buzon.sqlite"
        let created = try desk.succeed(["db", "migrate"])
        #expect(created.contains("new database created"), "\(created)")
        let current = try #require(Self.sqlite(database, "PRAGMA user_version;").flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        #expect(current == TicketStore.migrations.last?.version)
        // A database at schema 2, as the first release left it: its shipped steps, never edited.
        try FileManager.default.removeItem(atPath: database)
        let release1 = TicketStore.migrations.filter { $0.version <= 2 }.map(\.sql).joined(separator: "\n")
        try #require(Self.sqlite(database, release1 + "\nPRAGMA user_version = 2;") != nil)

        let refused = try desk.buzon(["tickets", "list"])
        #expect(refused.status == 78 && refused.stderr.contains("buzon db migrate"), "\(refused.stderr)")
        #expect(Self.sqlite(database, "PRAGMA user_version;")?.hasPrefix("2") == true, "a refused command changed nothing")

        let copy = desk.directory + "/manual-backup.sqlite"
        #expect(try desk.succeed(["db", "backup", copy]).contains("schema 2"))
        #expect(try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int == 0o600)

        let migrated = try desk.succeed(["db", "migrate"])
        #expect(migrated.contains("schema 2 → \(current)"), "\(migrated)")
        let backup = try #require(try FileManager.default.contentsOfDirectory(atPath: desk.directory).first { $0.hasPrefix("buzon.sqlite.v2-") })
        #expect(try FileManager.default.attributesOfItem(atPath: desk.directory + "/" + backup)[.posixPermissions] as? Int == 0o600)
        #expect(Self.sqlite(desk.directory + "/" + backup, "PRAGMA user_version;")?.hasPrefix("2") == true)
        #expect(try desk.succeed(["db", "migrate"]).contains("already at schema \(current)"))
        try desk.succeed(["tickets", "list"])

        try #require(Self.sqlite(database, "PRAGMA user_version = 99;") != nil)
        let newer = try desk.buzon(["status"])
        #expect(newer.status == 78 && newer.stderr.contains("schema version 99") && newer.stderr.contains("up to \(current)"), "\(newer.stderr)")
        let check = try desk.buzon(["check-config"])
        #expect(check.status == 78 && check.stdout.contains("schema version 99"), "\(check.stdout)")
    }

    /// Runs `sqlite3 FILE SQL`; its output, nil when it failed.
    static func sqlite(_ path: String, _ sql: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    @Test func badConfigurationExits78NamingFileAndLine() throws {
        let desk = try E2EDesk("badconf")
        let good = try String(contentsOfFile: desk.configPath, encoding: .utf8)
        let broken = good.replacingOccurrences(of: "poll_seconds = 1\nbatch_size", with: "poll_seconds = \"pronto\"\nbatch_size")
        try #require(broken != good)
        try broken.write(toFile: desk.configPath, atomically: true, encoding: .utf8)
        let line = try #require(broken.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("\"pronto\"") }) + 1

        for command in [["run", "--once"], ["deliver", "--mailbox", "soporte", "--file", "/dev/null"], ["tickets", "list"], ["check-config"]] {
            let result = try desk.buzon(command)
            // Pipe mode never says 78: Postfix would bounce the customer's mail (item 8 of issue #10).
            let expected: Int32 = command[0] == "deliver" ? 75 : 78
            #expect(result.status == expected, "buzon \(command[0]) exited \(result.status)")
            #expect((result.stderr + result.stdout).contains("buzon.toml:\(line):"), "\(result.stderr)")
        }
        #expect(try desk.buzon(["tickets", "list"]).stderr.contains("poll_seconds"))

        // Every section's mistake is named in one run, not only the first.
        try broken.replacingOccurrences(of: "language = \"es\"", with: "language = \"fr\"")
            .write(toFile: desk.configPath, atomically: true, encoding: .utf8)
        let both = try desk.buzon(["tickets", "list"])
        #expect(both.stderr.contains("poll_seconds") && both.stderr.contains("also") && both.stderr.contains("\"fr\""), "\(both.stderr)")
    }

    @Test func unusableDatabaseExits75SoTheMTARetries() throws {
        let desk = try E2EDesk("baddb")
        // A database path that is a directory: SQLite cannot open it (root ignores permissions,
        // so a read-only directory would not do).
        try FileManager.default.createDirectory(atPath: desk.directory + "/buzon.sqlite", withIntermediateDirectories: true)
        let path = try Self.file(Self.request("ana.baddb@andina.cl", subject: "Consulta", id: "baddb-1@andina.cl"), in: desk, name: "msg.eml")
        let result = try desk.buzon(["deliver", "--mailbox", "soporte", "--file", path])
        #expect(result.status == 75, "\(result.stderr)")
        #expect(result.stderr.contains("buzon.sqlite"))
        #expect(try desk.buzon(["tickets", "list"]).status == 75)
    }

    @Test func ticketsJSONHasTheDocumentedKeys() throws {
        let desk = try E2EDesk("keys")
        try desk.deliver(Self.request("Ana Pérez <ana.keys@andina.cl>", subject: "Error al emitir factura electrónica", id: "keys-1@andina.cl"))
        try desk.runOnce()

        let tickets = try desk.tickets()
        try #require(tickets.count == 1)
        let keys = ["number", "subject", "organization", "department", "category", "state", "message_count", "created_at", "updated_at"]
        for key in keys { #expect(tickets[0][key] != nil, "tickets list key \(key)") }
        #expect(tickets[0].string("number") == "OP10044")
        #expect(tickets[0].string("subject") == "Error al emitir factura electrónica")
        #expect(tickets[0].string("state") == "waiting_on_support")
        #expect(tickets[0].int("message_count") == 2)  // the customer's mail and the acknowledgement

        let ticket = try desk.ticket("OP10044")
        for key in keys + ["messages", "events"] { #expect(ticket[key] != nil, "tickets show key \(key)") }
        let messages = ticket.objects("messages")
        try #require(messages.count == 2)
        for key in ["direction", "from", "message_id", "subject", "reply", "received_at"] {
            #expect(messages.allSatisfy { $0[key] != nil }, "message key \(key)")
        }
        #expect(messages.map { $0.string("direction") } == ["in", "out"])
        #expect(messages[0].string("from") == "ana.keys@andina.cl")
        #expect(messages[0].string("message_id") == "keys-1@andina.cl")
        #expect(messages[1].string("message_id") == (try desk.received(to: "ana.keys@andina.cl").first?.parsed.messageID))
        let events = ticket.objects("events")
        #expect(!events.isEmpty)
        for key in ["type", "at", "detail"] { #expect(events.allSatisfy { $0[key] != nil }, "event key \(key)") }
        #expect(events.map { $0.string("type") }.contains("created"))

        let found = try #require(try desk.json(["tickets", "search", "factura"]) as? [[String: Any]])
        #expect(found.map { $0.string("number") } == ["OP10044"])
        let none = try #require(try desk.json(["tickets", "search", "remuneraciones"]) as? [[String: Any]])
        #expect(none.isEmpty)
    }

    @Test func heldMessagesAreListedApprovedAndDiscarded() throws {
        let desk = try E2EDesk("held", options: .init(unknownSender: "hold"))
        try desk.deliver(Self.request("Mario <mario.held@gmail.com>", subject: "Necesito ayuda con mi cuenta", id: "held-1@gmail.com"))
        try desk.deliver(Self.request("Spam <oferta.held@example.net>", subject: "Oferta imperdible", id: "held-2@example.net"))
        try desk.runOnce()

        #expect(try desk.tickets().isEmpty)
        let held = try desk.held()
        try #require(held.count == 2)
        for key in ["id", "from", "subject", "reason"] { #expect(held.allSatisfy { $0[key] != nil }, "held key \(key)") }
        let mario = try #require(held.first { $0.string("from") == "mario.held@gmail.com" })
        let spam = try #require(held.first { $0.string("from") == "oferta.held@example.net" })
        #expect(mario.string("subject") == "Necesito ayuda con mi cuenta")

        let approved = try desk.succeed(["held", "approve", "\(mario.int("id")!)"])
        #expect(approved.contains("OP10044"))
        try desk.succeed(["held", "discard", "\(spam.int("id")!)"])
        #expect(try desk.held().isEmpty)
        let tickets = try desk.tickets()
        #expect(tickets.map { $0.string("contact") } == ["mario.held@gmail.com"])
        try desk.runOnce()
        #expect(try desk.received(to: "mario.held@gmail.com").first?.ticketInSubject == "OP10044")
        #expect(try desk.received(to: "oferta.held@example.net").isEmpty)
    }

    @Test func explainPrintsTheRuleAndChangesNothing() throws {
        let desk = try E2EDesk("explain")
        let path = try Self.file(Self.request("ana.explain@andina.cl", subject: "Consulta de saldo", id: "explain-1@andina.cl"),
                                 in: desk, name: "msg.eml")
        let text = try desk.succeed(["explain", path])
        #expect(text.contains("rule:     new_ticket"), "\(text)")
        let json = try #require(try desk.json(["explain", path]) as? [String: Any])
        #expect(json.string("rule") == "new_ticket")
        #expect((json["trail"] as? [String])?.isEmpty == false)
        let stranger = try Self.file(Self.request("x.explain@gmail.com", subject: "Hola", id: "explain-2@gmail.com"), in: desk, name: "stranger.eml")
        #expect(try desk.succeed(["explain", stranger]).contains("rule:     unknown_sender"))

        #expect(try desk.tickets().isEmpty)
        #expect(try desk.outbox().isEmpty)
        #expect(try desk.held().isEmpty)
        // Explaining changed no ledger either: delivering it now is a new ticket, not a duplicate.
        #expect(try desk.succeed(["deliver", "--mailbox", "soporte", "--file", path]).hasPrefix("new_ticket\t"))
    }

    @Test func closedTicketReopensWhenTheCustomerRepliesWithinTheWindow() throws {
        let desk = try E2EDesk("reopen")
        let original = Self.request("Ana <ana.reopen@andina.cl>", subject: "Impresora no responde", id: "reopen-1@andina.cl")
        try desk.deliver(original)
        try desk.runOnce()
        let ack = try #require(try desk.received(to: "ana.reopen@andina.cl").first)
        let number = try #require(ack.ticketInSubject)

        #expect(try desk.succeed(["close", number, "--by", "marta"]).contains("\(number) cerrado"), "the desk speaks Spanish (language = \"es\")")
        #expect(try desk.ticket(number).string("state") == "closed")
        try desk.runOnce()
        let notices = try desk.received(to: "ana.reopen@andina.cl")
        #expect(notices.count == 2)  // acknowledgement, then the closing notice

        let reply = TestMail(from: "Ana <ana.reopen@andina.cl>", to: ["soporte+\(number)@empresa.com"],
                             subject: "Re: [\(number)] Impresora no responde",
                             body: "Volvió a fallar esta mañana.\n\nEl lun, 23 nov 2026, Soporte escribió:\n> Cerramos su ticket",
                             messageID: "reopen-2@andina.cl", inReplyTo: ack.parsed.messageID!,
                             references: [original.messageID!, ack.parsed.messageID!])
        try desk.deliver(reply)
        try desk.runOnce()
        let tickets = try desk.tickets()
        #expect(tickets.map { $0.string("number") } == [number])
        let ticket = try desk.ticket(number)
        #expect(ticket.string("state") == "waiting_on_support")
        #expect(ticket.objects("events").contains { $0.string("type") == "reopened" })
        #expect(ticket.objects("messages").last { $0.string("direction") == "in" }?.string("reply") == "Volvió a fallar esta mañana.")
    }

    @Test func replyToAClosedTicketAfterTheWindowOpensANewRelatedTicket() throws {
        let desk = try E2EDesk("window", options: .init(reopenWindowDays: 0))
        let original = Self.request("Ana <ana.window@andina.cl>", subject: "Impresora no responde", id: "window-1@andina.cl")
        try desk.deliver(original)
        try desk.runOnce()
        let ack = try #require(try desk.received(to: "ana.window@andina.cl").first)
        let number = try #require(ack.ticketInSubject)
        try desk.succeed(["close", number])

        try desk.deliver(TestMail(from: "Ana <ana.window@andina.cl>", to: ["soporte+\(number)@empresa.com"],
                                  subject: "Re: [\(number)] Impresora no responde", body: "Volvió a fallar.",
                                  messageID: "window-2@andina.cl", inReplyTo: ack.parsed.messageID!))
        try desk.runOnce()
        let tickets = try desk.tickets()
        try #require(tickets.count == 2)
        #expect(try desk.ticket(number).string("state") == "closed")
        let fresh = try #require(tickets.first { $0.string("number") != number })
        #expect(fresh.string("related_ticket") == number)
        #expect(fresh.string("state") == "waiting_on_support")
        #expect(try desk.received(to: "ana.window@andina.cl").contains { $0.ticketInSubject == fresh.string("number") })
    }

    @Test func staffReplyNoteTimeAndSplit() throws {
        let desk = try E2EDesk("desk")
        let original = Self.request("Ana <ana.desk@andina.cl>", subject: "Error al emitir factura", id: "desk-1@andina.cl")
        try desk.deliver(original)
        try desk.runOnce()
        let ack = try #require(try desk.received(to: "ana.desk@andina.cl").first)
        let number = try #require(ack.ticketInSubject)
        let other = TestMail(from: "Ana <ana.desk@andina.cl>", to: ["soporte+\(number)@empresa.com"],
                             subject: "Re: [\(number)] Error al emitir factura",
                             body: "Otra cosa: tampoco puedo cambiar la clave de un cajero.",
                             messageID: "desk-2@andina.cl", inReplyTo: ack.parsed.messageID!)
        try desk.deliver(other)
        try desk.runOnce()

        try desk.succeed(["reply", number, "--from", "marta.rios@empresa.com", "--text", "Hola Ana: ya corregimos la firma."])
        try desk.succeed(["note", number, "--text", "Cliente con cierre de mes", "--by", "marta"])
        try desk.succeed(["log-time", number, "--who", "MRR", "--minutes", "25", "--text", "Revisión"])
        let ticket = try desk.ticket(number)
        #expect(ticket.string("state") == "answered")
        let types = ticket.objects("events").compactMap { $0.string("type") }
        #expect(types.contains("staff_replied") && types.contains("note") && types.contains("time_logged"))
        #expect(ticket.objects("time_log").map { $0.int("minutes") } == [25])

        try desk.runOnce()
        let staffReply = try #require(try desk.received(to: "ana.desk@andina.cl").last)
        #expect(staffReply.ticketInSubject == number)
        #expect(staffReply.parsed.text.contains("Hola Ana: ya corregimos la firma."))
        #expect(!staffReply.parsed.text.contains("Cliente con cierre de mes"))  // notes stay internal

        let second = try #require(ticket.objects("messages").first { $0.string("message_id") == "desk-2@andina.cl" })
        let output = try desk.succeed(["split", number, "--message", "\(second.int("id")!)", "--subject", "Clave de cajero"])
        let tickets = try desk.tickets()
        #expect(tickets.count == 2)
        let split = try #require(tickets.first { $0.string("number") != number })
        #expect(output.contains(split.string("number")!))
        #expect(split.string("subject") == "Clave de cajero")
        #expect(split.string("related_ticket") == number)
        // The message is copied to the new ticket (the original keeps its history).
        let splitTicket = try desk.ticket(split.string("number")!)
        #expect(splitTicket.objects("messages").contains { ($0.string("reply") ?? "").contains("cambiar la clave de un cajero") })
        #expect(splitTicket.objects("events").contains { ($0.string("detail") ?? "").contains("split from \(number)") })
        #expect(try desk.ticket(number).objects("events").contains { $0.string("type") == "split" })
        try desk.runOnce()
        #expect(try desk.received(to: "ana.desk@andina.cl").contains { $0.ticketInSubject == split.string("number") })
    }

    @Test func statusJSONReportsMailboxesTicketsAndOutbox() throws {
        let desk = try E2EDesk("status")
        try desk.deliver(Self.request("ana.status@andina.cl", subject: "Consulta", id: "status-1@andina.cl"))
        try desk.runOnce()
        let status = try desk.status()
        for key in ["mailboxes", "tickets", "outbox_depth", "outbox_failed", "held", "oldest_waiting"] {
            #expect(status[key] != nil, "status key \(key)")
        }
        let mailboxes = status.objects("mailboxes")
        #expect(mailboxes.compactMap { $0.string("name") } == ["soporte", "ventas"])
        #expect(mailboxes.allSatisfy { $0.string("last_poll_at") != nil && $0["last_error"] is NSNull })
        #expect(mailboxes.first?.int("last_uid") == 1)
        let byState = try #require(status["tickets"] as? [String: Any])
        #expect(byState.int("waiting_on_support") == 1)
        #expect(status.int("outbox_depth") == 0)
        #expect(status.string("oldest_waiting") == "OP10044")
    }

    /// Issue #11 item 6: a ticket or id that does not exist exits 65 (EX_DATAERR), not 75: a
    /// script told "temporary" would retry for ever. A refusal of something that exists stays 1.
    @Test func aTicketOrIdThatDoesNotExistExits65() throws {
        let desk = try E2EDesk("notfound")
        try desk.succeed(["db", "migrate"])
        for command in [["outbox", "retry", "999"], ["close", "OP99999"], ["reopen", "OP99999"], ["note", "OP99999", "--text", "x"],
                        ["log-time", "OP99999", "--who", "ana", "--minutes", "5"], ["tickets", "show", "OP99999"],
                        ["held", "approve", "999"], ["held", "discard", "999"], ["messages", "reprocess", "999"]] {
            let result = try desk.buzon(command)
            #expect(result.status == 65, "buzon \(command.joined(separator: " ")) exited \(result.status): \(result.stderr)")
            #expect(result.stderr.contains("999"), "names what is missing: \(result.stderr)")
        }
        let path = try Self.file(Self.request("ana.notfound@andina.cl", subject: "Consulta", id: "notfound-1@andina.cl"),
                                 in: desk, name: "msg.eml")
        try desk.succeed(["deliver", "--mailbox", "soporte", "--file", path])
        try desk.succeed(["close", "OP10044"])
        let again = try desk.buzon(["close", "OP10044"])
        #expect(again.status == 1, "already closed is a refusal, not a missing ticket: \(again.stderr)")
    }

    /// Issue #11 item 6: `buzon status` takes its counts from the database (tickets by state,
    /// the oldest ticket waiting, outbox by status) instead of loading every ticket.
    @Test func statusCountsTicketsByStateAndFindsTheOldestWaiting() throws {
        let desk = try E2EDesk("counts")
        for index in 0..<3 {
            let path = try Self.file(Self.request("cliente\(index).counts@andina.cl", subject: "Consulta \(index)", id: "counts-\(index)@andina.cl"),
                                     in: desk, name: "msg\(index).eml")
            try desk.succeed(["deliver", "--mailbox", "soporte", "--file", path])
        }
        try desk.succeed(["close", "OP10044"])
        let status = try desk.status()
        let byState = try #require(status["tickets"] as? [String: Any])
        #expect(byState.int("waiting_on_support") == 2)
        #expect(byState.int("answered") == 0)
        #expect(byState.int("closed") == 1)
        #expect(status.string("oldest_waiting") == "OP10045")
        #expect(status.int("outbox_depth") == 4, "three acknowledgements and the closing notice")
        #expect(status.int("outbox_failed") == 0)
        let table = try desk.succeed(["status"])
        #expect(table.contains("espera soporte 2") && table.contains("cerrado 1"), "\(table)")
    }
}
