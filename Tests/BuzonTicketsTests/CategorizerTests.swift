import Testing
@testable import BuzonTickets

@Suite struct CategorizerTests {
    let categorizer = Categorizer(policy: Fixtures.policy)

    static let cases: [(subject: String, text: String, category: String)] = [
        ("Impresora no imprime", "Desde ayer no funciona", "Soporte"),
        ("SOLICITUD DE CAMBIO en reportes", "", "Cambio"),
        ("Reportes", "Quisiera una MEJORA en el listado", "Cambio"),
        ("¿CÓMO exporto a Excel?", "", "Consultoría"),
        ("Exportar", "tengo una duda con el cierre", "Consultoría"),
        ("Asesoria contable", "", "Consultoría"),
        // First rule wins: Cambio comes before Consultoría.
        ("Consulta sobre un cambio de plan", "", "Cambio"),
        // Word start only: "intercambio" is not "cambio"; plurals match.
        ("Intercambio de archivos falla", "", "Soporte"),
        ("Cambios pendientes", "", "Cambio"),
        // Spanish punctuation before a word still starts it; a letter with an accent does not.
        ("Ayuda", "Hola, ¿cómo cambio la clave?", "Cambio"),
        ("Ayuda", "(consulta) sobre el cierre", "Consultoría"),
        ("Ayuda", "El señor ÁngelCambio no puede entrar", "Soporte"),
    ]

    @Test(arguments: cases.indices)
    func firstMatchingRuleElseDefault(index: Int) {
        let row = Self.cases[index]
        #expect(categorizer.category(subject: row.subject, text: row.text) == row.category, "\(row)")
    }

    @Test func reportsTheKeywordThatMatched() {
        let match = categorizer.matchingRule(subject: "Duda", text: "")
        #expect(match?.rule.name == "Consultoría")
        #expect(match?.keyword == "duda")
        #expect(categorizer.matchingRule(subject: "Error 500", text: "") == nil)
    }
}
