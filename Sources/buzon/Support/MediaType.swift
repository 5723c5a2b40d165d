/// A content type for a file staff attach, from its extension.
enum MediaType {
    static func guess(forFilename name: String) -> String {
        let lower = name.lowercased()
        let table: [(String, String)] = [
            (".pdf", "application/pdf"), (".png", "image/png"), (".jpg", "image/jpeg"), (".jpeg", "image/jpeg"),
            (".gif", "image/gif"), (".txt", "text/plain"), (".csv", "text/csv"), (".zip", "application/zip"),
            (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (".xml", "application/xml"), (".json", "application/json"),
        ]
        return table.first { lower.hasSuffix($0.0) }?.1 ?? "application/octet-stream"
    }
}
