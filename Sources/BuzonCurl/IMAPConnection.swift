import CCurl
import BuzonTransport

/// One logged-in IMAP connection. curl connects, negotiates TLS or STARTTLS and authenticates
/// (`CURLOPT_CONNECT_ONLY = 1`); from then on we send tagged commands ourselves and read the
/// answers with `IMAPResponseParser`, because curl 7.88 hands custom `FETCH` data to the
/// header callback, cutting long lines and failing on large messages (see infra notes).
///
/// Contract: after any thrown error other than `.permanentRejection`/`.temporaryRejection`
/// the connection is `broken` and must be discarded: its stream position is unknown.
final class IMAPConnection {
    private let curl: CurlEasy
    private var parser = IMAPResponseParser()
    private var nextTag = 1
    private let ioTimeout: Duration
    private let receiveBuffer: UnsafeMutableRawBufferPointer
    private(set) var capabilities: Set<String> = []
    private(set) var broken = false

    /// The result of one command: its tagged status and the untagged data that came before it.
    struct Reply {
        var status: IMAPStatus
        var data: [IMAPUntagged]
    }

    init(configuration: IMAPConfiguration, server: ServerURL) throws(TransportError) {
        let operation = "IMAP connect to \(server.server) as \(configuration.username)"
        ioTimeout = configuration.ioTimeout
        do {
            let limits = CurlEasy.Limits(connectTimeout: configuration.connectTimeout, lowSpeedLimit: 1,
                                         lowSpeedTime: configuration.ioTimeout)
            curl = try CurlEasy(limits: limits, operation: operation)
            try Self.configure(curl, configuration, server, operation)
            try curl.perform(operation)
        } catch {
            throw TransportError(error)
        }
        receiveBuffer = .allocate(byteCount: 1 << 16, alignment: 1)
        let reply = try run("CAPABILITY")
        for case .capability(let names) in reply.data { capabilities.formUnion(names) }
    }

    deinit {
        if !broken { _ = try? send(["LOGOUT"]) }
        receiveBuffer.deallocate()
    }

    private static func configure(_ curl: CurlEasy, _ configuration: IMAPConfiguration, _ server: ServerURL,
                                  _ operation: String) throws(CurlError) {
        try curl.set(CURLOPT_URL, string: server.server, operation)
        try curl.set(CURLOPT_CONNECT_ONLY, 1, operation)
        try curl.set(CURLOPT_USERNAME, string: configuration.username, operation)
        if let token = configuration.bearerToken {
            try curl.set(CURLOPT_XOAUTH2_BEARER, string: token, operation)
            try curl.set(CURLOPT_LOGIN_OPTIONS, string: "AUTH=XOAUTH2", operation)
        } else if let password = configuration.password {
            try curl.set(CURLOPT_PASSWORD, string: password, operation)
        }
        try CurlTLS.apply(to: curl, caFile: configuration.caFile, requireTLS: configuration.requireTLS,
                          implicitTLS: server.usesImplicitTLS, insecure: configuration.insecureSkipVerify, operation)
    }

    // MARK: Commands

    /// Sends one command and waits for its completion.
    func run(_ command: String) throws(TransportError) -> Reply {
        try pipeline([command])[0]
    }

    /// Sends commands keeping at most `window` in flight (so a long list of commands cannot
    /// dead-lock against a server blocked writing big answers) and returns their replies in order.
    /// Untagged data is attributed to the first command still waiting for completion.
    func pipeline(_ commands: [String], window: Int = 4) throws(TransportError) -> [Reply] {
        guard !broken else {
            throw TransportError(.network, operation: "IMAP \(Self.verb(commands.first))", message: "the connection was lost earlier")
        }
        var replies: [Reply] = []
        var tags = try send(Array(commands.prefix(window)))
        var queued = commands.dropFirst(window)
        var data: [IMAPUntagged] = []
        while replies.count < commands.count {
            let operation = "IMAP \(Self.verb(commands[replies.count]))"
            switch try nextResponse(operation) {
            case .tagged(let tag, let status):
                guard tag == tags.first else {
                    broken = true
                    throw TransportError(.protocolViolation, operation: operation, message: "unexpected tag \(tag)")
                }
                tags.removeFirst()
                replies.append(Reply(status: status, data: data))
                data = []
                if let command = queued.popFirst() { tags += try send([command]) }
            case .untagged(.status(let status)) where status.condition == .bye:
                broken = true
                throw TransportError(.network, operation: operation, message: "server closed the session: \(status.summary)")
            case .untagged(let item):
                data.append(item)
            case .continuation(let text):
                broken = true
                throw TransportError(.protocolViolation, operation: operation, message: "unexpected continuation \(text)")
            }
        }
        return replies
    }

    /// The first word(s) of a command for error messages; never a full command line.
    static func verb(_ command: String?) -> String {
        guard let command else { return "command" }
        let words = command.split(separator: " ", maxSplits: 2)
        return words.prefix(words.first == "UID" ? 2 : 1).joined(separator: " ")
    }

    private func send(_ commands: [String]) throws(TransportError) -> [String] {
        var tags: [String] = []
        var bytes: [UInt8] = []
        for command in commands {
            let tag = "B\(nextTag)"
            nextTag += 1
            tags.append(tag)
            bytes += Array("\(tag) \(command)\r\n".utf8)
        }
        do {
            try curl.sendAll(bytes, timeout: ioTimeout, "IMAP \(Self.verb(commands.first))")
        } catch {
            broken = true
            throw TransportError(error)
        }
        return tags
    }

    private func nextResponse(_ operation: String) throws(TransportError) -> IMAPResponse {
        while true {
            do {
                if let response = try parser.next() { return response }
            } catch {
                broken = true
                throw TransportError(.protocolViolation, operation: operation, message: error.message)
            }
            do {
                let count = try curl.receive(into: receiveBuffer, timeout: ioTimeout, operation)
                parser.append(UnsafeRawBufferPointer(rebasing: receiveBuffer[0 ..< count]))
            } catch {
                broken = true
                throw TransportError(error)
            }
        }
    }
}
