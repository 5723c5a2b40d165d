import Testing
@testable import BuzonMIME

/// The delimiter search jumps between dashes with `memchr` and steps over runs of dashes;
/// these tests pin it to a plain left-to-right search on inputs made mostly of dashes,
/// where a wrong jump would show.
@Suite struct BoundarySearcherTests {
    /// The first `needle` in `haystack[from..<end]`, one position at a time.
    private func naive(_ needle: [UInt8], _ haystack: [UInt8], from: Int, end: Int) -> Int? {
        guard end - from >= needle.count else { return nil }
        for start in from...(end - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle {
            return start
        }
        return nil
    }

    @Test func findsWhatAPlainSearchFindsInDashHeavyText() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("---=a\n".utf8)
        for _ in 0..<2_000 {
            let boundary = (0..<Int.random(in: 1...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let haystack = (0..<Int.random(in: 0...60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let searcher = BoundarySearcher(boundary: boundary)
            let from = Int.random(in: 0...haystack.count, using: &generator)
            let end = Int.random(in: from...haystack.count, using: &generator)
            let found = haystack.withUnsafeBufferPointer { searcher.firstIndex(in: $0, from: from, end: end) }
            #expect(found == naive(searcher.needle, haystack, from: from, end: end),
                    "boundary \(String(decoding: boundary, as: UTF8.self).debugDescription) in \(String(decoding: haystack, as: UTF8.self).debugDescription) [\(from)..<\(end)]")
        }
    }

    @Test func findsABoundaryThatStartsWithDashesInsideALongerRun() {
        let searcher = BoundarySearcher(boundary: Array("----=_Part_1".utf8))
        let text = Array("texto\n-------=_Part_1\n".utf8)   // one dash more than the needle has
        #expect(text.withUnsafeBufferPointer { searcher.firstIndex(in: $0, from: 0, end: $0.count) } == 7)
    }

    @Test func crossesBase64WithoutAStop() {
        let searcher = BoundarySearcher(boundary: Array("frontera".utf8))
        let body = Array(String(repeating: "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\r\n", count: 1_000).utf8) + Array("--frontera--\r\n".utf8)
        #expect(body.withUnsafeBufferPointer { searcher.firstIndex(in: $0, from: 0, end: $0.count) } == body.count - 14)
    }
}
