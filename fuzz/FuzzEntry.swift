// libFuzzer entry point for the parser and the trimmer. Built by scripts/fuzz.sh with
// `-sanitize=fuzzer,address`; kept outside Sources/ so `swift build` never sees it.
//
// The contract under test is MessageParser's: never trap, never hang, memory bounded by the
// input and the limits — for any bytes at all. libFuzzer reports a crash, an AddressSanitizer
// error, a timeout (-timeout) or an out-of-memory (-rss_limit_mb) as a failure.
import BuzonMIME
import BuzonTrim

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let message = MessageParser().parse(bytes)
    let trimmer = ReplyTrimmer()
    _ = trimmer.trim(message)
    _ = trimmer.trim(text: message.text)
    if let html = message.html {
        _ = HTMLText.plainText(fromHTML: html)
        _ = trimmer.trim(html: html)
    }
    // The input itself as HTML: the converter must survive any tag soup, not only parsed bodies.
    _ = HTMLText.plainText(fromHTML: String(decoding: bytes, as: UTF8.self))
    for attachment in message.attachments { _ = attachment.sha256 }
    _ = message.root.leafCount
    return 0
}
