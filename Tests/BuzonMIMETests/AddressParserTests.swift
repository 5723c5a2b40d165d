import Testing
@testable import BuzonMIME

@Suite struct AddressParserTests {
    private func parse(_ text: String) -> [Address] {
        var diagnostics: [Diagnostic] = []
        return AddressParser.parse(text, diagnostics: &diagnostics)
    }

    @Test func nameAddrAndBareAddresses() {
        #expect(parse("Ana Pérez <ana@x.cl>, luis@y.com") == [
            Address(name: "Ana Pérez", address: "ana@x.cl"), Address(name: nil, address: "luis@y.com"),
        ])
    }

    @Test func quotedNamesWithSpecialsAndEscapes() {
        #expect(parse(#""Pérez, Ana (Ventas)" <ana@x.cl>"#) == [Address(name: "Pérez, Ana (Ventas)", address: "ana@x.cl")])
        #expect(parse(#""Juan \"JJ\" Ruiz" <jj@x.cl>"#) == [Address(name: #"Juan "JJ" Ruiz"#, address: "jj@x.cl")])
    }

    @Test func encodedDisplayNames() {
        #expect(parse("=?UTF-8?Q?Mar=C3=ADa?= <maria@x.cl>") == [Address(name: "María", address: "maria@x.cl")])
        #expect(parse(#""=?iso-8859-1?Q?Jos=E9?=" <jose@x.cl>"#) == [Address(name: "José", address: "jose@x.cl")])
    }

    @Test func commentsBecomeNameOnlyForBareAddresses() {
        #expect(parse("ana@x.cl (Ana Díaz)") == [Address(name: "Ana Díaz", address: "ana@x.cl")])
        #expect(parse("Ana <ana@x.cl> (oficina)") == [Address(name: "Ana", address: "ana@x.cl")])
        #expect(parse("Ana (a (b)) <ana@x.cl>") == [Address(name: "Ana", address: "ana@x.cl")])
    }

    @Test func groups() {
        #expect(parse("Equipo: a@x.cl, B <b@x.cl>;, c@y.cl") == [
            Address(address: "a@x.cl"), Address(name: "B", address: "b@x.cl"), Address(address: "c@y.cl"),
        ])
        #expect(parse("undisclosed-recipients:;").isEmpty)
    }

    @Test func obsoleteForms() {
        #expect(parse("<@relay1.com,@relay2.com:user@host.com>") == [Address(address: "user@host.com")])
        #expect(parse("Juan Perez juan@x.com") == [Address(name: "Juan Perez", address: "juan@x.com")])
        #expect(parse("Perez, Juan <juan@x.com>") == [Address(name: "Perez Juan", address: "juan@x.com")])
        #expect(parse("MAILER-DAEMON") == [Address(address: "MAILER-DAEMON")])
        #expect(parse("root") == [Address(address: "root")])
        #expect(parse("a@x.cl, soporte") == [Address(address: "a@x.cl"), Address(address: "soporte")])
        #expect(parse("sin direccion alguna").isEmpty)
    }

    @Test func brokenQuotingIsDiagnosed() {
        var diagnostics: [Diagnostic] = []
        let result = AddressParser.parse(#""Perez, Juan <juan@x.com>"#, diagnostics: &diagnostics)
        #expect(result == [Address(name: "Perez Juan", address: "juan@x.com")])
        #expect(diagnostics.map(\.code).contains(.malformedAddress))
    }

    @Test func garbageGivesNoAddressesAndNoCrash() {
        #expect(parse("").isEmpty)
        #expect(parse(",,,;;;").isEmpty)
        #expect(parse("<<<>>>").count <= 1)
        #expect(parse("(((((").isEmpty)
    }
}
