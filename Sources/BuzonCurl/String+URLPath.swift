extension String {
    /// Percent-escapes everything but unreserved characters (RFC 3986 §2.3) for a URL path.
    func addingURLPathEscapes() -> String {
        var output = ""
        for byte in utf8 {
            let scalar = Unicode.Scalar(byte)
            if (byte < 0x80) && (scalar.properties.isAlphabetic || ("0" ... "9").contains(scalar)
                || "-._~".unicodeScalars.contains(scalar)) {
                output.unicodeScalars.append(scalar)
            } else {
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return output
    }

    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
