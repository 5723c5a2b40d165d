import CCurl
#if canImport(Glibc)
import Glibc
#endif

/// Raw I/O on a connection curl opened with `CURLOPT_CONNECT_ONLY = 1`: curl did the TCP
/// connect, TLS or STARTTLS and the login; we speak the protocol through `curl_easy_send` /
/// `curl_easy_recv` (which go through curl's TLS layer) and wait with `poll()` on the socket.
extension CurlEasy {
    /// Sends every byte. Each wait for the socket to drain is bounded by `timeout`.
    func sendAll(_ bytes: [UInt8], timeout: Duration, _ operation: String) throws(CurlError) {
        var offset = 0
        while offset < bytes.count {
            var sent = 0
            let code = bytes.withUnsafeBytes { raw in
                curl_easy_send(handle, raw.baseAddress! + offset, raw.count - offset, &sent)
            }
            if code == CURLE_AGAIN {
                try wait(for: Int16(POLLOUT), timeout: timeout, operation)
                continue
            }
            try check(code, "sending", operation)
            offset += sent
        }
    }

    /// Reads what is available into `buffer` (at least one byte), waiting at most `timeout`
    /// for the first byte. Throws `CURLE_RECV_ERROR` when the server closed the connection.
    func receive(into buffer: UnsafeMutableRawBufferPointer, timeout: Duration, _ operation: String) throws(CurlError) -> Int {
        while true {
            var received = 0
            // Try first: TLS may hold decrypted bytes the socket no longer signals as readable.
            let code = curl_easy_recv(handle, buffer.baseAddress!, buffer.count, &received)
            if code == CURLE_AGAIN {
                try wait(for: Int16(POLLIN), timeout: timeout, operation)
                continue
            }
            try check(code, "receiving", operation)
            if received == 0 {
                throw CurlError(code: CURLE_RECV_ERROR, detail: "the server closed the connection", operation: operation)
            }
            return received
        }
    }

    private func wait(for events: Int16, timeout: Duration, _ operation: String) throws(CurlError) {
        let socket = try activeSocket(operation)
        guard socket >= 0 else {
            throw CurlError(code: CURLE_RECV_ERROR, detail: "the connection is gone", operation: operation)
        }
        var descriptor = pollfd(fd: socket, events: events, revents: 0)
        let milliseconds = Int32(clamping: Self.milliseconds(timeout))
        while true {
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 { return }
            if ready == 0 {
                throw CurlError(code: CURLE_OPERATION_TIMEDOUT,
                                detail: "no data for \(milliseconds) ms", operation: operation)
            }
            if errno != EINTR {
                throw CurlError(code: CURLE_RECV_ERROR, detail: "poll failed, errno \(errno)", operation: operation)
            }
        }
    }
}
