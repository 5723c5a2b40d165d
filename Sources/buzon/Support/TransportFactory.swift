import Foundation
import BuzonGateway
import BuzonTransport
import BuzonCurl
import BuzonConfig

/// Builds the libcurl transports from the configuration: the only place the CLI ties the
/// gateway (which knows only the transport protocols) to libcurl.
enum TransportFactory {
    /// An IMAP client for `mailbox`. Secrets are read here, at each (re)connection, so an
    /// OAuth token file that an external refresher rewrites is picked up on the next login.
    /// `folder` opens another folder of the same account instead (the dead-letter folder).
    static func mailbox(_ mailbox: MailboxConfig, folder: String? = nil, timeoutSeconds: Int = 60) throws -> MailboxClient {
        let environment = ProcessInfo.processInfo.environment
        var url = mailbox.url
        if let folder { url.path = folder }
        let configuration = IMAPConfiguration(
            url: url, username: mailbox.username ?? mailbox.address,
            password: try mailbox.password?.resolve(environment: environment),
            bearerToken: try mailbox.xoauth2Token?.resolve(environment: environment),
            caFile: mailbox.caFile, requireTLS: mailbox.requireTLS,
            connectTimeout: .seconds(15), ioTimeout: .seconds(timeoutSeconds), fetchBatchSize: mailbox.batchSize)
        return try IMAPClient(configuration)
    }

    static func sender(_ smtp: SMTPConfig) throws -> MailSender {
        let configuration = SMTPConfiguration(
            url: smtp.url, username: smtp.username,
            password: try smtp.password?.resolve(environment: ProcessInfo.processInfo.environment),
            caFile: smtp.caFile, requireTLS: smtp.requireTLS, heloName: smtp.heloName,
            connectTimeout: .seconds(15), ioTimeout: .seconds(smtp.timeoutSeconds))
        return try SMTPSender(configuration)
    }

    static func gateway(_ context: CommandContext) -> Gateway {
        Gateway(runtime: context.runtime, store: context.store,
                makeMailbox: { try mailbox($0) }, makeSender: { try sender($0) }, logger: context.logger)
    }

    /// Sends what the outbox holds now (used by `deliver --send`).
    static func sendOutbox(context: CommandContext) throws {
        let smtp = context.runtime.config.smtp
        try OutboxSender(store: context.store, sender: try sender(smtp), smtp: smtp, logger: context.logger).drain()
    }
}
