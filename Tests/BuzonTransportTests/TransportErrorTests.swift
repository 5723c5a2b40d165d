import Testing
@testable import BuzonTransport

@Suite struct TransportErrorTests {
    @Test func temporaryKinds() {
        #expect(TransportError(.network, operation: "x", message: "y").isTemporary)
        #expect(TransportError(.temporaryRejection, operation: "x", message: "y").isTemporary)
        #expect(!TransportError(.permanentRejection, operation: "x", message: "y").isTemporary)
        #expect(!TransportError(.configuration, operation: "x", message: "y").isTemporary)
    }
}
