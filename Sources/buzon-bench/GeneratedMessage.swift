/// One synthetic message and the generator's ground truth about it.
struct GeneratedMessage {
    enum Kind: String {
        /// A customer writing for the first time.
        case request
        /// A reply to the desk's acknowledgement, with the history quoted Gmail- or Outlook-style.
        case reply
        /// An out-of-office answer (`Auto-Submitted: auto-replied`).
        case autoReply
        /// A delivery status notification (`multipart/report`).
        case bounce
    }

    enum Defect: String, CaseIterable {
        case missingClosingBoundary, badBase64, eightBitHeader
    }

    var kind: Kind
    var defect: Defect?
    var hasAttachment: Bool
    var bytes: [UInt8]
}
