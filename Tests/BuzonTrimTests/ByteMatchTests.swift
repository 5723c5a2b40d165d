import Testing
@testable import BuzonTrim

@Suite struct ByteMatchTests {
    /// `contains` jumps with `memchr`; a plain scan of every position is the reference,
    /// on slices that do not start at index 0 (as the rules pass them).
    @Test func containsAgreesWithAPlainScan() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aab-".utf8)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let pattern = (0..<Int.random(in: 0...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let start = Int.random(in: 0...text.count, using: &generator)
            let slice = text[start...]
            let expected = pattern.isEmpty || (slice.count >= pattern.count
                && (slice.startIndex...(slice.endIndex - pattern.count)).contains { slice[$0..<($0 + pattern.count)].elementsEqual(pattern) })
            #expect(ByteMatch.contains(slice, pattern) == expected, "\(slice) contains \(pattern)")
        }
    }
}
