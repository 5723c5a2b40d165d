import Testing
@testable import buzon_bench

/// The soak's own bookkeeping: a wrong blame or two messages with one content key would turn
/// its PASS/FAIL lines into noise, so the rules are pinned here without running servers.
@Suite struct SoakAccountingTests {
    private func notice(_ id: String) -> SoakLedger.Received {
        SoakLedger.Received(messageID: id, inReplyTo: nil, recipients: ["cliente@cliente.es"])
    }

    @Test func aRepeatIsBlamedOnTheFirstInterruptionAfterItsFirstCopy() {
        // a, b arrive; SIGKILL 1 (sink holds 2); a again; c; SMTP outage (sink holds 4); c again.
        let received = ["a", "b", "a", "c", "c"].map(notice)
        let marks = [SoakDoubles.Mark(name: "SIGKILL 1", receivedAfter: 2), .init(name: "SMTP outage", receivedAfter: 4)]
        let doubles = SoakDoubles(received: received, marks: marks, twoDaemons: 0..<0)
        #expect(doubles.repeats.map(\.blame) == ["SIGKILL 1", "SMTP outage"])
        #expect(doubles.maxPerInterruption == 1)
        #expect(doubles.withoutInterruption == 0)
    }

    @Test func repeatsInsideTheTwoDaemonWindowAreBlamedOnIt() {
        let received = ["a", "b", "b", "c", "c", "a"].map(notice)
        let marks = [SoakDoubles.Mark(name: "SIGKILL 1", receivedAfter: 1)]
        let doubles = SoakDoubles(received: received, marks: marks, twoDaemons: 1..<5)
        #expect(doubles.withTwoDaemons == 2)
        #expect(doubles.perMark["SIGKILL 1"] == 1)
        #expect(doubles.total == 3)
    }

    @Test func aRepeatWithNoInterruptionBeforeItIsNotExcused() {
        let received = ["a", "a", "b"].map(notice)
        let marks = [SoakDoubles.Mark(name: "SIGKILL 1", receivedAfter: 3)]
        let doubles = SoakDoubles(received: received, marks: marks, twoDaemons: 0..<0)
        #expect(doubles.withoutInterruption == 1)
        #expect(doubles.maxPerInterruption == 0)
    }

    @Test func twoRepeatsAfterOneKillAreCounted() {
        let received = ["a", "b", "a", "b"].map(notice)
        let doubles = SoakDoubles(received: received, marks: [.init(name: "SIGKILL 7", receivedAfter: 2)], twoDaemons: 0..<0)
        #expect(doubles.maxPerInterruption == 2)
    }

    @Test func contentKeysIgnoreLineEndings() {
        let lf = Array("From: a@b.cl\n\nhola\n".utf8)
        let crlf = Array("From: a@b.cl\r\n\r\nhola\r\n".utf8)
        #expect(SoakMessage.contentKey(of: lf) == SoakMessage.contentKey(of: crlf))
        #expect(SoakMessage.contentKey(of: lf) != SoakMessage.contentKey(of: Array("From: a@b.cl\n\nchao\n".utf8)))
    }

    /// The accounting tells messages apart by content: no two may share bytes, every phase gets
    /// mail, and the same seed gives the same corpus. (The poison set, fixed, is checked apart:
    /// parsing its 5 MB of garbage takes a minute in a debug build.)
    @Test func theCorpusIsReproducibleAndEveryMessageDistinct() {
        let corpus = SoakCorpus(count: 12, seed: 11, poison: [])
        let again = SoakCorpus(count: 12, seed: 11, poison: [])
        #expect(corpus.messages.count == 12)
        #expect(corpus.messages.map(\.bytes) == again.messages.map(\.bytes))
        #expect(Set(corpus.messages.map(\.contentKey)).count == corpus.messages.count)
        #expect(Set(corpus.messages.map(\.label)).count == corpus.messages.count)
        for phase in SoakMessage.Phase.allCases where phase != .poison {
            #expect(!corpus.messages(in: phase).isEmpty, "no mail for the \(phase.rawValue) phase")
        }
        #expect(corpus.messages(in: .disk).allSatisfy { $0.label.contains("attachment") })
    }

    @Test func thePoisonSetIsDistinctAndNamesEachMessage() {
        let poison = SoakPoison.specs(seed: 11)
        // Length, head and tail tell the messages apart without hashing 5 MB in a debug build.
        #expect(Set(poison.map { [UInt8](String($0.bytes.count).utf8) + $0.bytes.prefix(400) + $0.bytes.suffix(64) }).count == poison.count)
        #expect(Set(poison.map(\.label)).count == poison.count)
        #expect(poison.contains { $0.deliveredRead })
        #expect(poison.contains { !$0.isGoodMail } && poison.contains { !$0.expectsTicket && $0.isGoodMail })
    }
}
