/// A short reason turned into a `TransportError` by the caller, who knows the operation.
struct TransportErrorReason: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
