import Foundation

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast generator whose whole state is one
/// integer, so a corpus is reproducible from its seed on every platform and Swift version
/// (the standard library's `SystemRandomNumberGenerator` is not seedable).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<bound` (Lemire's multiply-shift; the tiny bias is irrelevant here).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(((next() >> 32) &* UInt64(bound)) >> 32)
    }

    mutating func between(_ low: Int, _ high: Int) -> Int { low + below(high - low + 1) }

    /// Uniform in `[0, 1)` from the top 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

    /// Log-uniform in `[low, high]`: as many values in 20–40 KB as in 100–200 KB, the
    /// long-tailed shape that attachment sizes have in a real inbox.
    mutating func logUniform(_ low: Int, _ high: Int) -> Int {
        let exponent = (log(Double(low)) + unit() * (log(Double(high)) - log(Double(low))))
        return Int(exp(exponent))
    }

    /// `count` pseudo-random bytes, eight at a time.
    mutating func bytes(_ count: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: count)
        result.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < count {
                var word = next()
                let chunk = min(8, count - offset)
                withUnsafeBytes(of: &word) { buffer[offset..<offset + chunk].copyBytes(from: $0.prefix(chunk)) }
                offset += chunk
            }
        }
        return result
    }
}
