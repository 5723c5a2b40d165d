import Foundation
@testable import BuzonTesting

/// The mails of the processing and service tests, written like real clients write them.
enum Mails {
    static let marker = "##- Por favor, escriba su respuesta por encima de esta línea -##"

    /// A new request from Ana (Andina Ltda.) to soporte@, with a PDF attached.
    static func anaRequest(id: String = "ana-1@andina.cl", subject: String = "No puedo emitir facturas",
                           to: String = "soporte@empresa.com") -> TestMail {
        var mail = TestMail(from: "Ana Pérez <ana@andina.cl>", to: [to], subject: subject,
                            body: "Hola,\nal emitir una factura el sistema muestra un error 500.\nGracias,\nAna",
                            messageID: id)
        mail.attachment = (filename: "error.pdf", contentType: "application/pdf", data: Array("%PDF-1.4 error".utf8))
        return mail
    }

    /// A plain new request from `from`, one per `index` (distinct Message-IDs and subjects).
    static func request(_ index: Int, from: String = "ana@andina.cl") -> TestMail {
        TestMail(from: from, to: ["soporte@empresa.com"], subject: "Consulta número \(index)",
                 body: "Texto de la solicitud \(index).", messageID: "req-\(index)@andina.cl")
    }

    /// A reply-all to our acknowledgement of `ticket`, quoting it below the customer's text.
    static func replyAll(from: String, ticket: String, answering ackID: String?, id: String, text: String,
                         cc: [String] = []) -> TestMail {
        let quoted = """
        \(text)

        El lun, 23 nov 2026 a las 10:00, Soporte OpenPyme <soporte@empresa.com> escribió:
        > \(marker)
        >
        > Estimado/Estimada Ana Pérez
        > Su solicitud "No puedo emitir facturas" ha sido recibida.
        > La referencia de su ticket es \(ticket)
        """
        return TestMail(from: from, to: ["soporte+\(ticket)@empresa.com"], cc: cc,
                        subject: "RE: [\(ticket)] No puedo emitir facturas", body: quoted, messageID: id,
                        inReplyTo: ackID, references: ackID.map { [$0] } ?? [])
    }
}
