/// Undoes `format=flowed` (RFC 3676), which Thunderbird and many webmails send: soft line
/// breaks become real paragraphs again, so the reply trimmer sees whole lines.
///
/// RFC 3676 §4.2: "A line ending in a space is a flowed line" and joins the next line;
/// the signature separator "-- " is not flowed. §4.4: a leading space added by
/// space-stuffing is removed. §4.5: quote depth is the number of leading ">"; a flowed line
/// followed by a line of another depth ends its paragraph. §4.1 `DelSp=yes`: the trailing
/// space of a flowed line is deleted when joining.
enum FlowedText {
    static func unflow(_ text: String, deleteSpace: Bool) -> String {
        var output: [String] = []
        var paragraph = ""
        var paragraphDepth = -1
        var open = false

        func close() {
            guard open else { return }
            let marks = String(repeating: ">", count: paragraphDepth)
            output.append(paragraphDepth > 0 ? marks + " " + paragraph : paragraph)
            paragraph = ""
            open = false
        }

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            if index == lines.count - 1 && rawLine.isEmpty { break }  // text ended with a line break
            var line = Substring(rawLine)
            var depth = 0
            while line.first == ">" {
                depth += 1
                line = line.dropFirst()
            }
            if line.first == " " { line = line.dropFirst() }
            if open && depth != paragraphDepth { close() }
            let isSignature = line == "-- "
            let flowed = line.last == " " && !isSignature
            if flowed && deleteSpace { line = line.dropLast() }
            paragraph += line
            paragraphDepth = depth
            open = true
            if !flowed { close() }
        }
        close()
        let joined = output.joined(separator: "\n")
        return text.hasSuffix("\n") ? joined + "\n" : joined
    }
}
