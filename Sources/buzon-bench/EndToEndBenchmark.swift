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
    /// Large messages (`LargeMail`, ≈ 27 MB each) delivered before the normal ones.
    var large = 0
    /// Also time the IMAP and SMTP sides apart (a second desk; adds to the peak RSS).
    var phases = true

    /// `[smtp]` and the one `[[mailbox]]`, pointing at the local servers. The size limit is a
    /// policy above the large messages, so they are fetched and stored whole.
    static func mailboxConfig(_ servers: LocalServers) -> String {
        """
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
        max_message_bytes = 67_108_864
        """
    }

    /// The same work split in two, on a fresh desk: the IMAP side (fetch, decide, store,
    /// mark) with the SMTP server unreachable, then the outbox drained to the SMTP server.
    private func phases(servers: LocalServers, makeMailbox: @escaping Gateway.MailboxFactory,
                        makeSender: @escaping Gateway.SenderFactory, logger: Logger) throws {
        let mail = SmallMail.make(count: messages, seed: 12)
        for raw in mail { try servers.deliver(raw, to: "soporte") }
        let desk = try BenchDesk(mailboxes: Self.mailboxConfig(servers))
        defer { desk.remove() }
        struct Unreachable: Error {}
        let imapOnly = Gateway(runtime: desk.runtime, store: desk.store, makeMailbox: makeMailbox,
                               makeSender: { _ in throw Unreachable() }, logger: logger)
        var start = DispatchTime.now()
        let fetched = try imapOnly.runOnce().fetched
        let imapSeconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let smtpOnly = Gateway(runtime: desk.runtime, store: desk.store, makeMailbox: makeMailbox,
                               makeSender: makeSender, logger: logger)
        start = DispatchTime.now()
        let sent = try smtpOnly.runOnce().outbox.sent
        let smtpSeconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        print("  phases: IMAP side \(fetched) messages in \(String(format: "%.2f", imapSeconds)) s"
              + " (\(Int(Double(fetched) / imapSeconds)) msg/s: fetch + decide + store + mark);"
              + " SMTP side \(sent) acknowledgements in \(String(format: "%.2f", smtpSeconds)) s (\(Int(Double(sent) / smtpSeconds)) msg/s)")
    }

    func run() throws {
        let servers = try LocalServers.start(users: ["soporte": "secret"])
        defer { servers.stop() }
        var largeBytes = 0
        for index in 0..<large {
            // One at a time: the benchmark must not hold them all itself.
            let raw = LargeMail.make(index: index)
            largeBytes += raw.count
            try servers.deliver(raw, to: "soporte")
        }
        let mail = SmallMail.make(count: messages, seed: 11)
        for raw in mail { try servers.deliver(raw, to: "soporte") }
        let total = messages + large
        let desk = try BenchDesk(mailboxes: Self.mailboxConfig(servers))
        defer { desk.remove() }
        let logger = Logger(minimumLevel: .error)
        let makeMailbox: Gateway.MailboxFactory = { mailbox in
            try IMAPClient(IMAPConfiguration(url: mailbox.url, username: mailbox.username ?? "",
                                             password: try mailbox.password?.resolve(environment: [:]),
                                             fetchBatchSize: mailbox.batchSize))
        }
        let makeSender: Gateway.SenderFactory = { smtp in
            try SMTPSender(SMTPConfiguration(url: smtp.url, username: smtp.username,
                                             password: try smtp.password?.resolve(environment: [:])))
        }
        let gateway = Gateway(runtime: desk.runtime, store: desk.store, makeMailbox: makeMailbox,
                              makeSender: makeSender, logger: logger)
        let before = ResourceUsage.residentBytes
        ResourceUsage.resetPeak()
        let start = DispatchTime.now()
        let report = try gateway.runOnce()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let peak = ResourceUsage.peakResidentSinceReset
        let received = try servers.receivedMessages().count
        let tickets = try desk.store.tickets().count
        let largeNote = large == 0 ? "" : " (\(large) large ones of \(largeBytes / large) bytes first)"
        print("end to end: \(total) messages\(largeNote) from Dovecot → \(tickets) tickets, \(report.outbox.sent) acknowledgements"
              + " accepted by the SMTP server (\(received) received) in \(String(format: "%.2f", seconds)) s"
              + " = \(Int(Double(total) / seconds)) messages/s")
        print("  fetched \(report.fetched), processed \(report.processed), marked \\Seen on the server; outbox retried \(report.outbox.retried), failed \(report.outbox.failed)")
        print("  peak RSS during the round \(peak / 1_048_576) MiB (VmHWM reset before it; RSS before the round"
              + " \(before / 1_048_576) MiB, process peak including mail generation \(ResourceUsage.peakResidentBytes / 1_048_576) MiB)")
        if phases { try self.phases(servers: servers, makeMailbox: makeMailbox, makeSender: makeSender, logger: logger) }
    }
}
