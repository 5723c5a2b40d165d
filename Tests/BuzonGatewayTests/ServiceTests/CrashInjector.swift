import Foundation
import BuzonMIME
import BuzonTickets
import BuzonTransport
@testable import BuzonGateway
@testable import BuzonTesting

/// Where a crash is injected in one poll of five messages fetched two at a time
/// (open → search → fetch → process → commit → mark → next fetch …).
enum Crash: String, CaseIterable, CustomStringConvertible {
    case openFails, searchFails, firstFetchFails, fetchFailsMidBatch
    case processingFailsOnFirst, processingFailsOnFourth
    case markFailsOnFirst, markFailsOnThird, markFailsOnLast

    var description: String { rawValue }
    static let messageCount = 5
}

/// Arms the processor's `beforeCommit` seam and the fake mailbox so `crash` happens once.
final class CrashInjector {
    private(set) var commits = 0

    func arm(_ crash: Crash, processor: MessageProcessor, mailbox: MemoryMailbox) {
        let unavailable = TransportError(.network, operation: "IMAP (injected)", message: "connection reset")
        switch crash {
        case .openFails: mailbox.failNext(.open, with: unavailable)
        case .searchFails: mailbox.failNext(.search, with: unavailable)
        case .firstFetchFails: mailbox.failNext(.fetch, with: unavailable)
        case .fetchFailsMidBatch: armAfterCommit(2, processor) { mailbox.failNext(.fetch, with: unavailable) }
        case .processingFailsOnFirst: failCommit(1, processor)
        case .processingFailsOnFourth: failCommit(4, processor)
        case .markFailsOnFirst: armAfterCommit(1, processor) { mailbox.failNext(.mark, with: unavailable) }
        case .markFailsOnThird: armAfterCommit(3, processor) { mailbox.failNext(.mark, with: unavailable) }
        case .markFailsOnLast: armAfterCommit(Crash.messageCount, processor) { mailbox.failNext(.mark, with: unavailable) }
        }
    }

    /// At the `n`th decision of the poll, runs `action` (which arms a fault for the next
    /// mailbox step) and lets the commit go through.
    private func armAfterCommit(_ n: Int, _ processor: MessageProcessor, _ action: @escaping () -> Void) {
        processor.beforeCommit = { [unowned self] _ in
            commits += 1
            if commits == n { action() }
        }
    }

    /// The `n`th decision of the poll fails before its commit (everything rolls back).
    private func failCommit(_ n: Int, _ processor: MessageProcessor) {
        processor.beforeCommit = { [unowned self] _ in
            commits += 1
            if commits == n { throw InjectedCrash(step: "before commit of decision \(n)") }
        }
    }
}

struct InjectedCrash: Error, CustomStringConvertible {
    let step: String
    var description: String { "injected crash \(step)" }
}
