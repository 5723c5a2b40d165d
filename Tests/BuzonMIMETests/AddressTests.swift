import Testing
@testable import BuzonMIME

@Suite struct AddressTests {
    @Test func normalizationFoldsCaseAndSpace() {
        let address = Address(name: "Ana Pérez", address: " Ana.Perez@Andina.CL ")
        #expect(address.normalized == "ana.perez@andina.cl")
        #expect(address.domain == "andina.cl")
    }

    @Test func sha256OfKnownInput() {
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
