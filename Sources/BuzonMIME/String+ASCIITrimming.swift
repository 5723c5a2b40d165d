extension String {
    /// The string without leading and trailing ASCII spaces, tabs, CRs and LFs; works on
    /// UTF-8 bytes (no grapheme breaking), as everything on Buzón's hot paths does.
    func trimmingASCIISpaces() -> String {
        let utf8 = self.utf8
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        if first == utf8.startIndex, utf8.index(after: last) == utf8.endIndex { return self }
        return String(self[first...last])
    }
}
