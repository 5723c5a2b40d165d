import BuzonMIME
import Testing
@testable import BuzonTickets

@Suite struct TicketReferenceTests {
    let reference = TicketReference(prefix: "OP")

    @Test func formatsAndTags() {
        #expect(reference.format(10044) == "OP10044")
        #expect(reference.subjectTag("OP10044") == "[OP10044]")
        #expect(reference.subjectTag(number: 10044) == "[OP10044]")
        #expect(reference.number(of: "OP10044") == 10044)
        #expect(reference.number(of: "op10044") == 10044)
        #expect(reference.number(of: "OP") == nil)
        #expect(reference.number(of: "OP10a") == nil)
        #expect(reference.number(of: "XOP1") == nil)
    }

    static let subjects: [(String, String?)] = [
        ("[OP10044] Impresora", "OP10044"),
        ("RE: [OP10044] Impresora", "OP10044"),
        ("RV: [OP10044] Impresora", "OP10044"),
        ("Fwd: [OP10044] Impresora", "OP10044"),
        ("FW: [OP10044] Impresora", "OP10044"),
        ("RE: RE: [OP10044] Impresora", "OP10044"),
        ("AW: [OP10044] Drucker", "OP10044"),
        ("SV: [OP10044] Skrivare", "OP10044"),
        ("Antw: [OP10044] Printer", "OP10044"),
        ("Re[2]: [#OP10044] Impresora", "OP10044"),
        ("Consulta sobre #OP10044", "OP10044"),
        ("Sobre el ticket OP10044, sigue igual", "OP10044"),
        ("re: [op10044] minúsculas", "OP10044"),
        ("OP10044", "OP10044"),
        ("(OP10044)", "OP10044"),
        ("OP10044123 es otro número", "OP10044123"),
        ("XOP10044 no es referencia", nil),
        ("OP10044b no es referencia", nil),
        ("áOP10044 pegado a una letra", nil),
        ("OP_10044", nil),
        ("TOP secret", nil),
        ("Impresora no imprime", nil),
        ("OP sin número", nil),
        // A tagged reference wins over a bare word that comes first.
        ("OP10001 dejó de funcionar, ver [OP10044]", "OP10044"),
        // Among bare words the leftmost wins.
        ("OP10001 y OP10002", "OP10001"),
    ]

    @Test(arguments: subjects)
    func findsTheReferenceInASubject(subject: String, expected: String?) {
        #expect(reference.find(inSubject: subject) == expected)
    }

    @Test func prefixComesFromTheConfiguration() {
        let desk = TicketReference(prefix: "SOP")
        #expect(desk.find(inSubject: "RE: [SOP77] hola") == "SOP77")
        #expect(desk.find(inSubject: "RE: [OP77] hola") == nil)
        #expect(desk.find(inSubject: "RE: sop77") == "SOP77")
    }

    @Test func findsPlusAddressesOfOurMailboxOnly() {
        func find(_ recipients: [String]) -> String? {
            reference.find(inRecipients: recipients.map { Address(address: $0) }, mailboxAddress: "soporte@empresa.com")
        }
        #expect(find(["soporte+OP10044@empresa.com"]) == "OP10044")
        #expect(find(["ana@andina.cl", "Soporte+op10044@Empresa.COM"]) == "OP10044")
        #expect(find(["ventas+OP10044@empresa.com"]) == nil)
        #expect(find(["soporte+OP10044@otra.com"]) == nil)
        #expect(find(["soporte@empresa.com"]) == nil)
        #expect(find(["soporte+hola@empresa.com"]) == nil)
        #expect(find(["soporte+OP10044x@empresa.com"]) == nil)
        #expect(find(["xsoporte+OP10044@empresa.com"]) == nil)
    }

    static let cleanedSubjects: [(String, String)] = [
        ("RE: RE: [OP10044] Impresora", "Impresora"),
        ("Fwd: RV: AW: Factura", "Factura"),
        ("Re[3]: [#OP10044] Factura", "Factura"),
        ("Reunión mañana", "Reunión mañana"),
        ("RE:", ""),
        ("[externo] Factura", "[externo] Factura"),
    ]

    @Test(arguments: cleanedSubjects)
    func cleansSubjectsForNewTickets(subject: String, expected: String) {
        #expect(SubjectLine.clean(subject, reference: reference) == expected)
    }
}
