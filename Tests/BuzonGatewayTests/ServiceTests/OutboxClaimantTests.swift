import Testing
import Foundation
import BuzonStore
@testable import BuzonGateway

/// Claims of a sender that died on this machine are taken back at once, not after the lease:
/// a SIGKILLed daemon must not keep its customers' acknowledgements for ten minutes.
@Suite struct OutboxClaimantTests {
    /// A process that has exited: its pid is gone (or, rarely, reused by a process started later).
    static func exitedProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func theTextFormReadsBackAndOtherFormsAreNotRead() throws {
        let here = OutboxClaimant.current()
        #expect(here.startTicks > 0 && here.bootID != "?", "this machine has /proc")
        #expect(OutboxClaimant(parsing: here.text) == here)
        #expect(OutboxClaimant(parsing: "host:123:abcd1234") == nil, "the earlier form waits for its lease")
        #expect(OutboxClaimant(parsing: "") == nil)
    }

    @Test func onlyAHolderCertainlyGoneIsDead() throws {
        let here = OutboxClaimant.current()
        var exited = here
        exited.pid = try Self.exitedProcessID()
        exited.nonce = "x"
        #expect(exited.isKnownDead(seenFrom: here))
        var reusedPID = here
        reusedPID.startTicks = here.startTicks - 1
        #expect(reusedPID.isKnownDead(seenFrom: here), "same pid, started at another time: an earlier process")
        var sibling = here
        sibling.nonce = "other"
        #expect(!sibling.isKnownDead(seenFrom: here), "another sender of this live process")
        var elsewhere = exited
        elsewhere.host = here.host + "-other"
        #expect(!elsewhere.isKnownDead(seenFrom: here), "another machine: only its lease can tell")
        var earlierBoot = exited
        earlierBoot.bootID = "00000000-0000-0000-0000-000000000000"
        #expect(!earlierBoot.isKnownDead(seenFrom: here))
    }

    @Test func aDeadSendersClaimsAreSentAtOnceAndALiveOnesAreLeftAlone() throws {
        let desk = try TestDesk()
        for index in 1...4 { try desk.receive(Mails.request(index, from: "cliente\(index)@andina.cl")) }
        var dead = OutboxClaimant.current()
        dead.pid = try Self.exitedProcessID()
        var live = OutboxClaimant.current()
        live.nonce = "live"
        let now = desk.clock.now
        let deadClaims = try desk.store.claimDueOutbox(now: now, limit: 3, claimant: dead.text, lease: 600)
        let liveClaims = try desk.store.claimDueOutbox(now: now, limit: 1, claimant: live.text, lease: 600)
        #expect(deadClaims.count == 3 && liveClaims.count == 1)

        let report = try desk.makeOutboxSender().drain()
        #expect(report.sent == 3, "the dead sender's three notices go out now, within their lease")
        #expect(Set(desk.sender.sent.flatMap(\.envelope.recipients)) == Set(deadClaims.flatMap(\.message.recipients)))
        #expect(try desk.store.outboxClaimant(id: liveClaims[0].id, now: now) == live.text)
    }
}
