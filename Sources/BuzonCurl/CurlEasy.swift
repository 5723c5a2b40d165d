import CCurl

/// The one owner of a libcurl easy handle (`CURL*`): created in `init`, freed with
/// `curl_easy_cleanup` in `deinit`, never shared. Every option goes through a typed funnel
/// that throws a `CurlError` naming what was being set, because `curl_easy_setopt` is
/// variadic and would otherwise silently accept a wrong argument type.
///
/// Not thread-safe: one handle is used by one thread at a time (libcurl's own rule).
public final class CurlEasy {
    let handle: UnsafeMutableRawPointer
    /// `CURLOPT_ERRORBUFFER` keeps a pointer to this memory for the handle's whole life.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// Lists handed to curl stay alive until replaced or until the handle is freed.
    private var retainedLists: [UInt32: CurlStringList] = [:]

    /// Transfer limits applied to every transfer (curl has no single I/O timeout: a transfer
    /// slower than `lowSpeedLimit` bytes/s for `lowSpeedTime` is aborted).
    public struct Limits: Sendable, Hashable {
        public var connectTimeout: Duration
        public var lowSpeedLimit: Int
        public var lowSpeedTime: Duration
        public init(connectTimeout: Duration = .seconds(15), lowSpeedLimit: Int = 1,
                    lowSpeedTime: Duration = .seconds(60)) {
            self.connectTimeout = connectTimeout
            self.lowSpeedLimit = lowSpeedLimit
            self.lowSpeedTime = lowSpeedTime
        }
    }

    public init(limits: Limits, operation: String) throws(CurlError) {
        try CurlGlobal.ensureReady(operation: operation)
        guard let handle = curl_easy_init() else {
            throw CurlError(code: CURLE_FAILED_INIT, detail: "curl_easy_init returned NULL", operation: operation)
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try applyBasics(limits: limits, operation: operation)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// `curl_easy_reset` forgets every option (including the error buffer): options otherwise
    /// persist from one transfer to the next on a reused handle. The connection cache survives.
    public func reset(limits: Limits, operation: String) throws(CurlError) {
        curl_easy_reset(handle)
        retainedLists.removeAll()
        try applyBasics(limits: limits, operation: operation)
    }

    private func applyBasics(limits: Limits, operation: String) throws(CurlError) {
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer), operation)
        // Signals would interrupt other threads' system calls; timeouts then rely on poll.
        try set(CURLOPT_NOSIGNAL, 1, operation)
        try set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(limits.connectTimeout), operation)
        try set(CURLOPT_LOW_SPEED_LIMIT, limits.lowSpeedLimit, operation)
        try set(CURLOPT_LOW_SPEED_TIME, max(1, Int(limits.lowSpeedTime.components.seconds)), operation)
    }

    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    // MARK: Typed setopt funnels

    public func set(_ option: CURLoption, _ value: Int, _ operation: String) throws(CurlError) {
        try check(buzon_curl_setopt_long(handle, option, value), "setting option \(option.rawValue)", operation)
    }

    /// For `…_LARGE` options, which take a `curl_off_t`.
    public func set(_ option: CURLoption, offset value: Int64, _ operation: String) throws(CurlError) {
        try check(buzon_curl_setopt_off(handle, option, curl_off_t(value)), "setting option \(option.rawValue)", operation)
    }

    public func set(_ option: CURLoption, string value: String, _ operation: String) throws(CurlError) {
        // curl copies string options (since 7.17), so the temporary C string may go away.
        try check(buzon_curl_setopt_string(handle, option, value), "setting option \(option.rawValue)", operation)
    }

    public func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?, _ operation: String) throws(CurlError) {
        try check(buzon_curl_setopt_pointer(handle, option, value), "setting option \(option.rawValue)", operation)
    }

    /// Hands a list to curl and keeps it alive as long as curl may read it.
    public func set(_ option: CURLoption, list: CurlStringList, _ operation: String) throws(CurlError) {
        try check(buzon_curl_setopt_slist(handle, option, list.head), "setting list option \(option.rawValue)", operation)
        retainedLists[option.rawValue] = list
    }

    public func set(_ option: CURLoption, read callback: curl_read_callback, _ operation: String) throws(CurlError) {
        try check(buzon_curl_setopt_read(handle, option, callback), "setting read callback", operation)
    }

    public func set(_ option: CURLoption, write callback: curl_write_callback, _ operation: String) throws(CurlError) {
        try check(buzon_curl_setopt_write(handle, option, callback), "setting write callback", operation)
    }

    // MARK: Transfers and information

    /// Runs the configured transfer (or, with `CURLOPT_CONNECT_ONLY`, only connect + TLS + login).
    public func perform(_ operation: String) throws(CurlError) {
        errorBuffer[0] = 0
        try check(curl_easy_perform(handle), nil, operation)
    }

    public func infoLong(_ info: CURLINFO, _ operation: String) throws(CurlError) -> Int {
        var value = 0
        try check(buzon_curl_getinfo_long(handle, info, &value), "reading info \(info.rawValue)", operation)
        return value
    }

    public func activeSocket(_ operation: String) throws(CurlError) -> Int32 {
        var socket: curl_socket_t = -1
        try check(buzon_curl_getinfo_socket(handle, CURLINFO_ACTIVESOCKET, &socket), "reading the active socket", operation)
        return socket
    }

    /// The one checking funnel: turns a code into a `CurlError` with the error buffer's text.
    func check(_ code: CURLcode, _ step: String?, _ operation: String) throws(CurlError) {
        guard code != CURLE_OK else { return }
        var detail = String(cString: errorBuffer)
        if let step { detail = detail.isEmpty ? step : "\(step): \(detail)" }
        throw CurlError(code: code, detail: detail, operation: operation)
    }
}
