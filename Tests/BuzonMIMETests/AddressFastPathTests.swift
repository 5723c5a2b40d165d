import Testing
@testable import BuzonMIME

/// The byte fast path for common address lists must give exactly what the full grammar
/// gives, addresses and diagnostics alike, whenever it accepts an input.
@Suite struct AddressFastPathTests {
    static let names = ["", "Ana Pérez", "ANA", "Jorge  Núñez", "Soporte Técnico Empresa", "=?UTF-8?B?w5FhbmR1?=",
                        "O Brien", "Ana\tPérez", "x"]
    static let addresses = ["ana@andina.cl", "Ana.Perez@Andina.CL", "soporte+OP10044@empresa.com", "a@b",
                            "user.name@sub.domain.example", "no-at-sign", "@andina.cl", "ana@", "ñ@ñ.cl"]
    static let separators = [", ", ",", " , ", ",\t", ",, "]

    /// Every name × address as `Name <addr>`, bare, and in two-item lists.
    static var inputs: [String] {
        var inputs: [String] = []
        for name in names {
            for address in addresses {
                inputs.append(name.isEmpty ? address : "\(name) <\(address)>")
                inputs.append("  \(name) <\(address)>  ")
                inputs.append("<\(address)>")
            }
        }
        for separator in separators {
            inputs.append("Ana <ana@andina.cl>\(separator)jorge@contasur.com.uy")
            inputs.append("ana@andina.cl\(separator)Jorge Núñez <jorge@contasur.com.uy>\(separator)")
        }
        return inputs
    }

    @Test func fastPathAgreesWithTheFullGrammar() {
        var accepted = 0
        for input in Self.inputs {
            var fastDiagnostics: [Diagnostic] = []
            guard let fast = AddressParser.parseCommonForm(input, diagnostics: &fastDiagnostics) else { continue }
            accepted += 1
            var fullDiagnostics: [Diagnostic] = []
            let full = AddressParser.parseGeneral(input, diagnostics: &fullDiagnostics)
            #expect(fast == full, "\(input)")
            #expect(fastDiagnostics == fullDiagnostics, "\(input)")
        }
        #expect(accepted > 50, "the fast path should take the common forms")
    }

    @Test func unusualFormsGoToTheFullGrammar() {
        for input in ["\"Pérez, Ana\" <ana@andina.cl>", "Equipo: ana@andina.cl, jorge@x.cl;", "ana@andina.cl (Ana)",
                      "<@route:ana@andina.cl>", "Ana <ana@andina.cl> extra"] {
            var diagnostics: [Diagnostic] = []
            #expect(AddressParser.parseCommonForm(input, diagnostics: &diagnostics) == nil, "\(input)")
        }
    }
}
