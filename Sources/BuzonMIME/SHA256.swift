import CCrypto

/// SHA-256 through OpenSSL's libcrypto (hardware-accelerated where the CPU allows).
public enum SHA256 {
    public static func digest(of bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        bytes.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                _ = CCrypto.SHA256(input.baseAddress, input.count, output.baseAddress)
            }
        }
        return out
    }

    public static func hex(of bytes: [UInt8]) -> String {
        let table: [UInt8] = Array("0123456789abcdef".utf8)
        var chars = [UInt8]()
        chars.reserveCapacity(64)
        for byte in digest(of: bytes) {
            chars.append(table[Int(byte >> 4)])
            chars.append(table[Int(byte & 0x0f)])
        }
        return String(decoding: chars, as: UTF8.self)
    }
}
