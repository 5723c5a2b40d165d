import Foundation
import Testing
import BuzonMIME
import BuzonTesting

/// The mail flow end to end: raw mail in a real Dovecot, `buzon run --once` (the real binary),
/// tickets read back with `buzon tickets … --json`, notices as the real SMTP server got them.
@Suite(.serialized, .e2eServers(users: ["ack", "thread", "stranger", "twice", "repoll", "crlf", "tls"].flatMap(E2EDesk.users)))
struct E2EMailFlowTests {
    static func request(from: String, subject: String, id: String, to: [String] = ["soporte@empresa.com"],
                        cc: [String] = []) -> TestMail {
        TestMail(from: from, to: to, cc: cc, subject: subject,
                 body: "Buenos días:\n\nTenemos un problema con «\(subject)». ¿Pueden revisarlo?\n\nSaludos", messageID: id)
    }

    @Test func newMailBecomesTicketAcknowledgedAndMarked() throws {
        let desk = try E2EDesk("ack", options: .init(soporteAfter: "move:Procesados", ventasAfter: "seen"))
        let ana = Self.request(from: "Ana Pérez <ana.ack@andina.cl>", subject: "Error al emitir factura electrónica",
                               id: "ack-ana-1@mail.andina.cl")
        let jorge = Self.request(from: "Jorge Núñez <jorge.ack@andina.cl>", subject: "Cotización remuneraciones",
                                 id: "ack-jorge-1@mail.andina.cl", to: ["ventas@empresa.com"])
        try desk.deliver(ana)
        try desk.deliver(jorge, toVentas: true)
        try desk.runOnce()

        let tickets = try desk.tickets()
        #expect(tickets.count == 2)
        let anaTicket = try #require(tickets.first { $0.string("subject") == ana.subject })
        let jorgeTicket = try #require(tickets.first { $0.string("subject") == jorge.subject })
        #expect(anaTicket.string("department") == "Soporte")
        #expect(jorgeTicket.string("department") == "Ventas")
        #expect(anaTicket.string("organization") == "Constructora Andina")
        #expect(anaTicket.string("state") == "waiting_on_support")
        let number = try #require(anaTicket.string("number"))
        #expect(number.hasPrefix("OP100"))

        for (customer, mail, ticket, mailbox) in [("ana.ack@andina.cl", ana, anaTicket, "soporte"),
                                                  ("jorge.ack@andina.cl", jorge, jorgeTicket, "ventas")] {
            let acks = try desk.received(to: customer)
            try #require(acks.count == 1, "one acknowledgement for \(customer)")
            #expect(acks[0].recipients == [customer])
            let ack = acks[0].parsed
            let ticketNumber = try #require(ticket.string("number"))
            #expect(acks[0].ticketInSubject == ticketNumber)
            #expect(ack.subject.contains(mail.subject))
            #expect(ack.inReplyTo == [mail.messageID!])
            #expect(ack.replyTo.map(\.address) == ["\(mailbox)+\(ticketNumber)@empresa.com"])
            #expect(ack.headers.values("Auto-Submitted") == ["auto-replied"])
            #expect(ack.from?.address == "\(mailbox)@empresa.com")
            #expect(ack.text.contains(ticketNumber))
        }

        // soporte@ moves processed mail to Procesados, ventas@ only flags it \Seen.
        #expect(try desk.maildir().isEmpty)
        let moved = try desk.maildir(folder: "Procesados")
        #expect(moved.count == 1)
        #expect(try moved.first?.bytes() == ana.bytes)
        let ventas = try desk.maildir(ventas: true)
        #expect(ventas.count == 1)
        #expect(ventas.allSatisfy { $0.isSeen })
    }

    @Test func repliesAllWithOutlookAndGmailQuotingThreadWithOnlyTheNewText() throws {
        let desk = try E2EDesk("thread")
        let original = Self.request(from: "Ana Pérez <ana.thread@andina.cl>", subject: "Error al emitir factura electrónica",
                                    id: "thread-ana-1@mail.andina.cl")
        try desk.deliver(original)
        try desk.runOnce()
        let ackMail = try #require(try desk.received(to: "ana.thread@andina.cl").first)
        let ackID = try #require(ackMail.parsed.messageID)
        let number = try #require(ackMail.ticketInSubject)

        let outlookText = "Gracias. Les cuento que el error aparece solo con clientes extranjeros (sin RUT chileno)."
        let outlook = TestMail(
            from: "Ana Pérez <ana.thread@andina.cl>", to: ["soporte+\(number)@empresa.com"], cc: ["roberto.thread@andina.cl"],
            subject: "RE: [\(number)] Error al emitir factura electrónica",
            body: """
            \(outlookText)

            ________________________________
            De: Soporte Técnico Empresa <soporte@empresa.com>
            Enviado el: lunes, 23 de noviembre de 2026 9:16
            Para: Ana Pérez <ana.thread@andina.cl>
            Asunto: [\(number)] Error al emitir factura electrónica

            ##- Por favor, escriba su respuesta por encima de esta línea -##
            Estimado/Estimada Ana Pérez
            Su solicitud «Error al emitir factura electrónica» ha sido recibida…
            """,
            messageID: "thread-ana-2@andina.cl", inReplyTo: ackID, references: [original.messageID!, ackID])
        try desk.deliver(outlook)
        try desk.runOnce()

        let gmailText = "Agrego que el cliente extranjero de la F-2231 es de Perú, con RUC 20123456789."
        let gmail = TestMail(
            from: "Carla Rojas <carla.thread@andina.cl>", to: ["soporte+\(number)@empresa.com"], cc: ["ana.thread@andina.cl"],
            subject: "Re: [\(number)] Error al emitir factura electrónica",
            body: """
            \(gmailText)

            El lun, 23 nov 2026 a las 9:16, Soporte Técnico Empresa (<soporte@empresa.com>)
            escribió:

            > ##- Por favor, escriba su respuesta por encima de esta línea -##
            > Estimado/Estimada Ana Pérez
            > Su solicitud "Error al emitir factura electrónica" ha sido recibida.
            """,
            messageID: "thread-carla-3@mail.gmail.com", inReplyTo: ackID, references: [original.messageID!, ackID])
        try desk.deliver(gmail)
        try desk.runOnce()

        let tickets = try desk.tickets()
        #expect(tickets.count == 1)
        let ticket = try desk.ticket(number)
        let incoming = ticket.objects("messages").filter { $0.string("direction") == "in" }
        try #require(incoming.count == 3)
        let outlookReply = try #require(incoming[1].string("reply")).trimmingCharacters(in: .whitespacesAndNewlines)
        let gmailReply = try #require(incoming[2].string("reply")).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(incoming[1].string("message_id") == "thread-ana-2@andina.cl")
        #expect(outlookReply == outlookText)
        #expect(incoming[2].string("message_id") == "thread-carla-3@mail.gmail.com")
        #expect(incoming[2].string("from") == "carla.thread@andina.cl")
        #expect(gmailReply == gmailText)
        for reply in [outlookReply, gmailReply] {
            #expect(!reply.contains("De:") && !reply.contains("escribió") && !reply.contains("##-") && !reply.contains(">"))
        }
        // Follow-ups are not acknowledged again (acknowledge_follow_ups = false).
        #expect(try desk.received(to: "ana.thread@andina.cl").count == 1)
        #expect(try desk.received(to: "carla.thread@andina.cl").isEmpty)
    }

    @Test func unauthorizedSenderGetsNoTicketButANotice() throws {
        let desk = try E2EDesk("stranger")
        let mario = Self.request(from: "Mario <mario.stranger@gmail.com>", subject: "Necesito ayuda con mi cuenta",
                                 id: "stranger-1@mail.gmail.com")
        try desk.deliver(mario)
        try desk.runOnce()

        #expect(try desk.tickets().isEmpty)
        #expect(try desk.held().isEmpty)
        let notices = try desk.received(to: "mario.stranger@gmail.com")
        try #require(notices.count == 1)
        let notice = notices[0].parsed
        #expect(notice.subject.contains("Necesito ayuda con mi cuenta"))
        #expect(notice.text.contains("no está autorizada"))
        #expect(notice.headers.values("Auto-Submitted") == ["auto-replied"])
        #expect(notice.inReplyTo == ["stranger-1@mail.gmail.com"])
        #expect(notices[0].ticketInSubject == nil)
        #expect(try desk.maildir().allSatisfy { $0.isSeen })
    }

    @Test func sameMailInTwoDepartmentsIsOneTicketAndOneAcknowledgement() throws {
        let desk = try E2EDesk("twice")
        let mail = Self.request(from: "Jorge Núñez <jorge.twice@andina.cl>", subject: "Cotización módulo de remuneraciones",
                                id: "twice-jorge-1@andina.cl", cc: ["ventas@empresa.com"])
        try desk.deliver(mail)
        try desk.deliver(mail, toVentas: true)
        try desk.runOnce()

        let tickets = try desk.tickets()
        #expect(tickets.count == 1)
        let number = try #require(tickets.first?.string("number"))
        let ticket = try desk.ticket(number)
        #expect(ticket.objects("messages").filter { $0.string("direction") == "in" }.count == 1)
        #expect(ticket.objects("events").contains { $0.string("type") == "duplicate_ignored" })
        #expect(try desk.received(to: "jorge.twice@andina.cl").count == 1)
        // Both copies are marked: the duplicate is accounted for, not left for the next poll.
        #expect(try desk.maildir().allSatisfy { $0.isSeen })
        #expect(try desk.maildir(ventas: true).allSatisfy { $0.isSeen })
        #expect(try desk.maildir(ventas: true).count == 1)
    }

    @Test func pollingAgainChangesNothing() throws {
        let desk = try E2EDesk("repoll")
        let customers = (1...3).map { "cliente\($0).repoll@andina.cl" }
        for (index, customer) in customers.enumerated() {
            try desk.deliver(Self.request(from: customer, subject: "Consulta número \(index + 1)", id: "repoll-\(index)@andina.cl"))
        }
        try desk.runOnce()
        let tickets = try desk.tickets()
        let outbox = try desk.outbox()
        let sink = try desk.servers.receivedMessages().filter { !Set($0.recipients).isDisjoint(with: customers) }
        #expect(tickets.count == 3)
        #expect(sink.count == 3)

        for _ in 0..<2 {
            let output = try desk.succeed(["run", "--once"])
            #expect(output.hasPrefix("fetched 0, processed 0"))
        }
        #expect(try desk.tickets().map { $0.string("number") } == tickets.map { $0.string("number") })
        #expect(try desk.tickets().map { $0.int("message_count") } == tickets.map { $0.int("message_count") })
        #expect(try desk.outbox().count == outbox.count)
        #expect(try desk.servers.receivedMessages().filter { !Set($0.recipients).isDisjoint(with: customers) }.count == 3)
    }

    @Test func subjectWithEncodedLineBreakCannotInjectHeaders() throws {
        let desk = try E2EDesk("crlf")
        var mail = Self.request(from: "Ana <ana.crlf@andina.cl>", subject: "PLACEHOLDER", id: "crlf-1@andina.cl")
        mail.body = "Hola, ¿me ayudan?"
        let hostile = "=?UTF-8?B?\(Data("Hola\r\nBcc: victima@x.com".utf8).base64EncodedString())?="
        let raw = String(decoding: mail.bytes, as: UTF8.self).replacingOccurrences(of: "Subject: PLACEHOLDER", with: "Subject: \(hostile)")
        try desk.deliver(raw: Array(raw.utf8))
        try desk.runOnce()

        let tickets = try desk.tickets()
        try #require(tickets.count == 1)
        let subject = try #require(tickets[0].string("subject"))
        #expect(subject == "Hola Bcc: victima@x.com")

        let acks = try desk.received(to: "ana.crlf@andina.cl")
        try #require(acks.count == 1)
        #expect(acks[0].recipients == ["ana.crlf@andina.cl"])
        #expect(!acks[0].headerNames.contains("bcc"))
        #expect(acks[0].headerNames.filter { $0 == "subject" }.count == 1)
        #expect(acks[0].headerNames.count < 20)
        #expect(!acks[0].headerLines.contains { $0.lowercased().hasPrefix("bcc") })
        #expect(try desk.servers.receivedMessages().allSatisfy { !$0.recipients.contains("victima@x.com") })
    }

    /// The production shape: IMAPS and SMTPS, the server certificate checked against a CA
    /// file, TLS required, SMTP AUTH.
    @Test func worksOverImplicitTLSWithCertificateChecks() throws {
        let desk = try E2EDesk("tls", options: .init(tls: true))
        try desk.deliver(Self.request(from: "ana.tls@andina.cl", subject: "Consulta por TLS", id: "tls-1@andina.cl"))
        try desk.runOnce()
        #expect(try desk.tickets().count == 1)
        let acks = try desk.received(to: "ana.tls@andina.cl")
        try #require(acks.count == 1)
        #expect(acks[0].listener == "tls")
        #expect(acks[0].authLogin == desk.soporte)
        #expect(try desk.maildir().allSatisfy { $0.isSeen })
        #expect(try desk.status().objects("mailboxes").allSatisfy { $0["last_error"] is NSNull })
    }
}
