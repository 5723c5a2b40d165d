import Foundation
import BuzonCurl
import BuzonGateway
import BuzonTesting
import BuzonTransport

/// `buzon-bench e2e`: a local Dovecot holding N messages → tickets + acknowledgements accepted
/// by the local SMTP server, through the real libcurl IMAP and SMTP clients and the real
/// gateway round (`Gateway.runOnce`). The clock starts when the round starts and stops when
/// the last acknowledgement has been accepted.
struct EndToEndBenchmark {
    var messages = 2000

    func run() throws {
        let servers = try LocalServers.start(users: ["soporte": "secret"])
        defer { servers.stop() }
        let mail = SmallMail.make(count: messages, seed: 11)
        for raw in mail { try servers.deliver(raw, to: "soporte") }
        let desk = try BenchDesk(mailboxes: """
            [smtp]
            url = "\(servers.smtpURL())"
            username = "soporte"
            password = "secret"
            from = "soporte@empresa.com"

            [[mailbox]]
            name = "soporte"
            url = "\(servers.imapURL())"
            username = "soporte"
            password = "secret"
            address = "soporte@empresa.com"
            department = "Soporte"
            batch_size = 200
            """)
        defer { desk.remove() }
        let logger = Logger(minimumLevel: .error)
        let gateway = Gateway(
            runtime: desk.runtime, store: desk.store,
            makeMailbox: { mailbox in
                try IMAPClient(IMAPConfiguration(url: mailbox.url.description, username: mailbox.username ?? "",
                                                 password: try mailbox.password?.resolve(environment: [:]),
                                                 fetchBatchSize: mailbox.batchSize))
            },
            makeSender: { smtp in
                try SMTPSender(SMTPConfiguration(url: smtp.url.description, username: smtp.username,
                                                 password: try smtp.password?.resolve(environment: [:])))
            },
            logger: logger)
        let start = DispatchTime.now()
        let report = try gateway.runOnce()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let received = try servers.receivedMessages().count
        let tickets = try desk.store.tickets().count
        print("end to end: \(messages) messages from Dovecot → \(tickets) tickets, \(report.outbox.sent) acknowledgements"
              + " accepted by the SMTP server (\(received) received) in \(String(format: "%.2f", seconds)) s"
              + " = \(Int(Double(messages) / seconds)) messages/s")
        print("  fetched \(report.fetched), processed \(report.processed), marked \\Seen on the server; outbox retried \(report.outbox.retried), failed \(report.outbox.failed)")
    }
}
