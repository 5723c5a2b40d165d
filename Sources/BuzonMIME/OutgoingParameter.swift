/// MIME parameters for attachment names: `filename` per RFC 2231 and the legacy `name`.
enum OutgoingParameter {
    /// RFC 2045 §5.1 token: printable ASCII except SPACE and tspecials `()<>@,;:\"/[]?=`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        byte > 32 && byte < 127 && !Array("()<>@,;:\\\"/[]?=".utf8).contains(byte)
    }

    /// Longest value segment per folded line, leaving room for `filename*NN*=` and `;`.
    static let segmentLength = 60

    /// `filename="report.pdf"` for short printable ASCII; otherwise RFC 2231 §3/§4
    /// `filename*0*=utf-8''%C3%B1…; filename*1*=…` segments so every line stays ≤ 78.
    static func filenameTokens(_ filename: String) -> [String] {
        let isSimple = filename.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
            && filename.utf8.count <= segmentLength
        if isSimple { return ["filename=" + quoted(filename)] }
        // Segments end between characters, so a decoder that decodes each one separately
        // still sees whole UTF-8 sequences.
        var segments: [String] = []
        var current = "utf-8''"
        for character in filename {
            let piece = percentEncoded(String(character))
            if current.utf8.count + piece.utf8.count > segmentLength, !current.isEmpty, current != "utf-8''" {
                segments.append(current)
                current = ""
            }
            current += piece
        }
        segments.append(current)
        if segments.count == 1 { return ["filename*=" + current] }
        return segments.enumerated().map { number, segment in
            "filename*\(number)*=\(segment)" + (number < segments.count - 1 ? ";" : "")
        }
    }

    /// `name="…"` on Content-Type for clients that ignore RFC 2231; RFC 2047 words when
    /// non-ASCII (technically not allowed inside quotes, but what those clients read).
    static func nameTokens(_ filename: String) -> [String] {
        let isASCII = filename.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if isASCII, filename.utf8.count <= segmentLength { return ["name=" + quoted(filename)] }
        let words = EncodedWordEncoder.encode(filename, firstWordLimit: 68)
        guard let first = words.first else { return ["name=\"\""] }
        if words.count == 1 { return ["name=\"\(first)\""] }
        return ["name=\"\(first)"] + words.dropFirst().dropLast() + ["\(words[words.count - 1])\""]
    }

    private static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// RFC 2231 §7 extended-value: attribute-chars literal, every other octet `%XX`.
    private static func percentEncoded(_ value: String) -> String {
        var out: [UInt8] = []
        for byte in value.utf8 {
            if isTokenByte(byte), byte != UInt8(ascii: "*"), byte != UInt8(ascii: "'"), byte != UInt8(ascii: "%") {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(QuotedPrintableEncoder.hexDigits[Int(byte >> 4)])
                out.append(QuotedPrintableEncoder.hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
