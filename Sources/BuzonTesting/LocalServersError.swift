/// Why the local test servers could not start or answer, with the log tail when there is one.
public struct LocalServersError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
