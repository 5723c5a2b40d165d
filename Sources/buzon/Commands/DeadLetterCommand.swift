import Foundation
import BuzonGateway
import BuzonMIME
import BuzonTransport
import BuzonConfig

/// `buzon dead-letter list [--mailbox NAME] [--json]`, `buzon dead-letter retry [--mailbox NAME]
/// (UID… | --all)`: the messages the poller moved to `[gateway] dead_letter_folder` after it
/// failed to record them three times, and the way back for them once the cause is fixed (a full
/// disk, a permission, a bug fixed by an upgrade), whatever the cause was.
///
/// Contract of `retry`, the poller's own: each message goes through the same `MessageProcessor`
/// in its own commit, and only after that commit is the mailbox's `after` action applied to it in
/// the dead-letter folder (`seen` marks it read there, `move:F` moves it to F, `delete` removes
/// it). A message that fails again stays where it is, untouched. Running `retry` twice is safe:
/// the dedupe ledger recognises what was already recorded and reports it as a duplicate. A
/// message that was not fetched whole (over `max_message_bytes`) is recorded but left in place.
enum DeadLetterCommand {
    static let mailbox = OptionSpec.value("mailbox", "NAME", "only this [[mailbox]] (default: every mailbox)")

    enum List: BuzonCommand {
        static let spec = CommandSpec(
            words: ["dead-letter", "list"], section: .gateway,
            summary: "mail that failed three times, in [gateway] dead_letter_folder",
            options: [DeadLetterCommand.mailbox, .json, .config],
            details: "Lists what sits in each mailbox's dead-letter folder (uid, date, from, subject, size): messages "
                + "the poller could not record three times. Only their header block is fetched.",
            examples: ["dead-letter list", "dead-letter list --mailbox soporte --json"])

        static func run(_ args: Arguments) throws -> Int32 {
            let context = try CommandContext.open(args)
            return try DeadLetterCommand.list(try DeadLetterCommand.mailboxes(args, context), json: args.flag("json"), context: context)
        }
    }

    enum Retry: BuzonCommand {
        static let spec = CommandSpec(
            words: ["dead-letter", "retry"], section: .gateway,
            summary: "re-process dead-lettered mail once the cause is fixed",
            operands: [OperandSpec(placeholder: "UID", kind: .number, help: "a message's UID in the folder (see: buzon dead-letter list)",
                                   isRequired: false, isRepeatable: true)],
            options: [DeadLetterCommand.mailbox, .flag("all", "every message in the folder instead of the UIDs named"), .config],
            details: "Re-processes messages of the dead-letter folder through the poller's processor, each in its own "
                + "commit; only after that commit is the mailbox's `after` action applied to it in that folder. A message "
                + "that fails again stays where it is (exit 75). Running it twice is safe: the second finds duplicates. "
                + "Name the UIDs or say --all, not both.",
            examples: ["dead-letter retry --all", "dead-letter retry --mailbox soporte 12 13"])

        static func run(_ args: Arguments) throws -> Int32 {
            let uids = try args.operands.map { text throws(Arguments.UsageError) -> UInt32 in
                guard let uid = UInt32(text), uid > 0 else {
                    throw Arguments.UsageError(description: "'\(text)' is not a UID (see: buzon dead-letter list)")
                }
                return uid
            }
            guard args.flag("all") != !uids.isEmpty else {
                throw Arguments.UsageError(description: "name the UIDs to retry or say --all, not both (see: buzon dead-letter list)")
            }
            let context = try CommandContext.open(args)
            let mailboxes = try DeadLetterCommand.mailboxes(args, context)
            guard mailboxes.count == 1 || uids.isEmpty else {
                throw Arguments.UsageError(description: "UIDs belong to one mailbox's folder: add --mailbox NAME")
            }
            return try DeadLetterCommand.retry(mailboxes, uids: uids.isEmpty ? nil : uids, context: context)
        }
    }

    /// `--mailbox NAME`'s mailbox, or every configured one.
    static func mailboxes(_ args: Arguments, _ context: CommandContext) throws -> [MailboxConfig] {
        try args.value("mailbox").map { [try context.runtime.mailbox(named: $0)] } ?? context.runtime.config.mailboxes
    }

    /// One message of a dead-letter folder, as listed.
    struct Entry {
        var mailbox: String
        var uid: UInt32
        var date: Date?
        var from: String
        var subject: String
        var size: Int
    }

    private static func list(_ mailboxes: [MailboxConfig], json: Bool, context: CommandContext) throws -> Int32 {
        let folder = context.runtime.config.deadLetterFolder
        var entries: [Entry] = []
        let parser = MessageParser()
        for mailbox in mailboxes {
            try withFolder(of: mailbox, context: context) { client, uids in
                for batch in stride(from: 0, to: uids.count, by: mailbox.batchSize).map({ Array(uids[$0..<min($0 + mailbox.batchSize, uids.count)]) }) {
                    // The header block is all a listing needs: the first 64 KiB, never a 25 MB body
                    // (`size` is still the server's size of the whole message).
                    for fetched in try client.fetch(uids: batch, maxBytes: min(mailbox.maxMessageBytes, 65_536)) {
                        let message = parser.parse(fetched.bytes)
                        entries.append(Entry(mailbox: mailbox.name, uid: fetched.uid, date: message.date,
                                             from: message.from?.address ?? "", subject: message.subject, size: fetched.size))
                    }
                }
            }
        }
        if json {
            print(JSONWriter.string(.array(entries.map { entry in
                .object([("mailbox", .string(entry.mailbox)), ("folder", .string(folder)), ("uid", .number(Int(entry.uid))),
                         ("date", .optional(entry.date.map(ISO8601.string(from:)))), ("from", .string(entry.from)),
                         ("subject", .string(entry.subject)), ("size", .number(entry.size))])
            })))
            return ExitCode.ok
        }
        let w = context.wording
        if entries.isEmpty {
            print(w("(nothing in \(folder))", "(nada en \(folder))"))
            return ExitCode.ok
        }
        var table = TextTable([w("MAILBOX", "BUZÓN"), "UID", w("DATE", "FECHA"), w("FROM", "DE"), w("SIZE", "TAMAÑO"), w("SUBJECT", "ASUNTO")])
        table.maxWidth = [5: 50]
        for entry in entries {
            table.append([entry.mailbox, String(entry.uid), entry.date.map { ISO8601.local($0, in: context.timeZone) } ?? "-",
                          entry.from, String(entry.size), entry.subject])
        }
        print(table.rendered)
        return ExitCode.ok
    }

    /// Re-processes `uids` (nil: every message) of each mailbox's dead-letter folder. Exit 0 when
    /// every message was recorded, 75 when some failed again (they stay in the folder).
    private static func retry(_ mailboxes: [MailboxConfig], uids wanted: [UInt32]?, context: CommandContext) throws -> Int32 {
        let processor = MessageProcessor(runtime: context.runtime, store: context.store, logger: context.logger)
        var failed = 0
        for mailbox in mailboxes {
            try withFolder(of: mailbox, context: context) { client, present in
                let uids = wanted ?? present
                for uid in uids {
                    guard present.contains(uid) else {
                        CommandFailure.printError("buzon dead-letter: no UID \(uid) in \(context.runtime.config.deadLetterFolder) of \(mailbox.name)")
                        failed += 1
                        continue
                    }
                    guard let fetched = try client.fetch(uids: [uid], maxBytes: mailbox.maxMessageBytes).first else { continue }
                    let result: MessageProcessor.Result
                    do {
                        result = try processor.process(fetched.bytes, mailbox: mailbox, truncatedFrom: fetched.truncated ? fetched.size : nil)
                    } catch {
                        CommandFailure.printError("buzon dead-letter: \(mailbox.name) UID \(uid) failed again, left in place: \(error)")
                        failed += 1
                        continue
                    }
                    // Committed: only now may the server forget it (never a message not fetched whole).
                    if !fetched.truncated { try client.mark(uid: uid, as: mailbox.after) }
                    print("\(mailbox.name)\t\(uid)\t\(result.decision.rule.rawValue)\t\(result.ticketNumber ?? "-")\t\(result.decision.summary)")
                }
            }
        }
        return failed == 0 ? ExitCode.ok : ExitCode.tempFail
    }

    /// Opens `mailbox`'s dead-letter folder (same account, same credentials, built by the one
    /// transport factory) and hands `body` the client and every UID in it.
    private static func withFolder(of mailbox: MailboxConfig, context: CommandContext,
                                   _ body: (MailboxClient, [UInt32]) throws -> Void) throws {
        let folder = context.runtime.config.deadLetterFolder
        let client = try TransportFactory.mailbox(mailbox, folder: folder)
        defer { client.close() }
        let uids: [UInt32]
        do {
            _ = try client.open()
            uids = try client.search(afterUID: 0, unseenOnly: false)
        } catch {
            throw DeadLetterError(description: "cannot open \(folder) of mailbox \(mailbox.name): \(error) "
                                  + "(no message was ever dead-lettered there, or [gateway] dead_letter_folder names another folder)")
        }
        try body(client, uids)
    }

    struct DeadLetterError: Error, CustomStringConvertible {
        var description: String
    }
}
