/// Why a server URL was refused, worded for the operator.
public struct ServerURLError: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
