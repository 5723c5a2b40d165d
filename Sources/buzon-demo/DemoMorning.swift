import Foundation
import BuzonTesting

/// A realistic Monday morning at a Spanish-speaking support desk, as raw e-mail.
enum DemoMorning {
    static let pdf: [UInt8] = Array("%PDF-1.4\n% factura F-2231 (demo)\n".utf8) + (0..<6000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }

    /// First wave: new requests, a duplicate to two departments, a stranger, an auto-reply,
    /// and a customer over the open-ticket limit.
    static func firstWave() -> [(user: String, mail: TestMail)] {
        var factura = TestMail(
            from: "Ana Pérez <ana.perez@andina.cl>", to: ["soporte@empresa.com"],
            subject: "Error al emitir factura electrónica",
            body: """
            Buenos días:

            Al emitir la factura F-2231 el sistema muestra «Error 500: firma inválida» y no la envía al SII.
            Les adjunto el PDF que se generó. ¿Podrían revisarlo con urgencia? Tenemos cierre de mes.

            Saludos cordiales,
            Ana Pérez
            Constructora Andina
            """,
            messageID: "CAF3x9-ana-factura@mail.andina.cl")
        factura.attachment = (filename: "factura_F-2231.pdf", contentType: "application/pdf", data: pdf)

        let cotizacion = TestMail(
            from: "Jorge Núñez <jorge@contasur.com.uy>", to: ["soporte@empresa.com"], cc: ["ventas@empresa.com"],
            subject: "Cotización módulo de remuneraciones",
            body: """
            Hola, ¿qué tal?

            Queremos agregar el módulo de remuneraciones para 45 empleados. ¿Nos envían una cotización
            y el plazo de implementación?

            Gracias,
            Jorge Núñez — Contabilidad Sur
            """,
            messageID: "20261123091500.jorge@contasur.com.uy")

        let desconocido = TestMail(
            from: "Mario <mario.gonzalez1987@gmail.com>", to: ["soporte@empresa.com"],
            subject: "Necesito ayuda con mi cuenta",
            body: "Hola, no puedo entrar al sistema desde ayer. Mi usuario es mgonzalez.\n\nMario",
            messageID: "CAJm-mario-1@mail.gmail.com")

        let fueraDeOficina = TestMail(
            from: "Roberto Silva <roberto.silva@andina.cl>", to: ["soporte@empresa.com"],
            subject: "Respuesta automática: Fuera de la oficina",
            body: "Estaré fuera de la oficina hasta el 30 de noviembre. Para urgencias escriba a ana.perez@andina.cl.",
            messageID: "ooo-roberto-20261123@andina.cl",
            extraHeaders: ["Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All"])

        let boletas = TestMail(
            from: "Lucía Fernández <lucia@ferreterialucia.cl>", to: ["soporte@empresa.com"],
            subject: "No puedo imprimir boletas",
            body: "Desde la actualización de anoche la impresora térmica no imprime las boletas. ¿Pueden ayudarnos?\n\nLucía",
            messageID: "lucia-boletas-01@ferreterialucia.cl")

        let clave = TestMail(
            from: "Lucía Fernández <lucia@ferreterialucia.cl>", to: ["soporte@empresa.com"],
            subject: "Consulta: cómo cambio la clave de un cajero",
            body: "Otra consulta: ¿cómo cambio la clave de un cajero que se fue de la empresa?\n\nLucía",
            messageID: "lucia-clave-02@ferreterialucia.cl")

        return [
            ("soporte", factura), ("soporte", cotizacion), ("ventas", cotizacion), ("soporte", desconocido),
            ("soporte", fueraDeOficina), ("soporte", boletas), ("soporte", clave),
        ]
    }

    /// Second wave: Ana answers the acknowledgement with Outlook quoting (reply-all), and a
    /// colleague of hers joins from Gmail.
    static func secondWave(acknowledgementID: String, ticket: String) -> [(user: String, mail: TestMail)] {
        let outlook = TestMail(
            from: "Ana Pérez <ana.perez@andina.cl>", to: ["soporte+\(ticket)@empresa.com"], cc: ["roberto.silva@andina.cl"],
            subject: "RE: [\(ticket)] Error al emitir factura electrónica",
            body: """
            Gracias. Les cuento que el error aparece solo con clientes extranjeros (sin RUT chileno).

            Ana

            ________________________________
            De: Soporte Técnico Empresa <soporte@empresa.com>
            Enviado el: lunes, 23 de noviembre de 2026 9:16
            Para: Ana Pérez <ana.perez@andina.cl>
            Asunto: [\(ticket)] Error al emitir factura electrónica

            ##- Por favor, escriba su respuesta por encima de esta línea -##
            Estimado/Estimada Ana Pérez
            Su solicitud «Error al emitir factura electrónica» ha sido recibida…
            """,
            messageID: "AM0PR-ana-reply-2@andina.cl", inReplyTo: acknowledgementID,
            references: ["CAF3x9-ana-factura@mail.andina.cl", acknowledgementID])

        let gmail = TestMail(
            from: "Carla Rojas <carla.rojas@andina.cl>", to: ["soporte+\(ticket)@empresa.com"], cc: ["ana.perez@andina.cl"],
            subject: "Re: [\(ticket)] Error al emitir factura electrónica",
            body: """
            Agrego que el cliente extranjero de la F-2231 es de Perú, con RUC 20123456789.

            El lun, 23 nov 2026 a las 9:31, Ana Pérez (<ana.perez@andina.cl>)
            escribió:

            > Gracias. Les cuento que el error aparece solo con clientes extranjeros (sin RUT chileno).
            >
            > Ana
            """,
            messageID: "CAGm-carla-3@mail.gmail.com", inReplyTo: "AM0PR-ana-reply-2@andina.cl",
            references: ["CAF3x9-ana-factura@mail.andina.cl", acknowledgementID, "AM0PR-ana-reply-2@andina.cl"])
        return [("soporte", outlook), ("soporte", gmail)]
    }
}
