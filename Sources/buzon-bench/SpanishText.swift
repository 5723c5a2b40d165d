/// Vocabulary for a Spanish-speaking support desk's inbox: people with accented names,
/// subjects, and sentences built from support phrases, so bodies exercise the charsets
/// and quoted-printable the way real mail does (á, é, ñ, ¿, ¡, €, curly quotes).
enum SpanishText {
    struct Person {
        var name: String
        var address: String
    }

    static let firstNames = ["Ana", "José", "María", "Íñigo", "Begoña", "Raúl", "Lucía", "Andrés", "Sofía",
                             "Martín", "Inés", "Óscar", "Nuria", "Ángel", "Rocío", "Tomás", "Zoë", "Joaquín"]
    static let lastNames = ["Pérez", "Martínez", "Núñez", "Sáenz", "Ibáñez", "Gómez", "Fernández", "Muñoz",
                            "Rodríguez", "Peña", "Castaño", "López", "Díaz", "Beltrán", "Ortega", "Álvarez"]
    static let domains = ["cliente.es", "gmail.com", "outlook.es", "hotmail.com", "correo.mx", "andina.cl",
                          "logistica-norte.com", "farmacia-sol.es", "yahoo.es", "empresa-cliente.com.ar"]

    static let subjects = [
        "No puedo acceder al portal", "Factura duplicada de octubre", "Error al descargar el informe",
        "¿Cómo cambio mi contraseña?", "Solicitud de presupuesto", "Pedido nº 4521 sin entregar",
        "Problema con la impresora de recepción", "Alta de usuario nuevo", "Cobro incorrecto en la tarjeta",
        "La aplicación se cierra sola", "Consulta sobre el contrato de mantenimiento", "¡Urgente! Servidor caído",
        "Cambio de dirección de envío", "Devolución del artículo dañado", "Certificado caducado",
        "Duda con la actualización 3.2", "Acceso VPN desde casa", "Información sobre tarifas 2027",
    ]

    static let greetings = ["Hola,", "Buenos días,", "Buenas tardes,", "Estimados señores:", "Hola equipo de soporte,",
                            "Buenas,", "Estimado/a:"]
    static let openings = [
        "Les escribo porque desde ayer no consigo entrar en la aplicación.",
        "Les comento que hemos recibido la factura dos veces este mes.",
        "Desde la última actualización el programa tarda muchísimo en arrancar.",
        "Necesitaría que me ayudaran con un problema en el pedido que hicimos la semana pasada.",
        "Al intentar descargar el informe mensual aparece un mensaje de error.",
        "Quería saber si es posible cambiar la dirección de facturación de nuestra cuenta.",
        "Tenemos un compañero nuevo en el departamento y necesita un usuario.",
        "Me han cobrado 149,90 € en lugar de 49,90 € en la última renovación.",
    ]
    static let details = [
        "El mensaje dice “usuario o contraseña incorrectos”, aunque la contraseña es la de siempre.",
        "He probado con otro navegador y en el móvil, y pasa lo mismo.",
        "Adjunto una captura de pantalla para que lo vean.",
        "El número de cliente es el 20458 y la cuenta está a nombre de la empresa.",
        "No sé si tiene algo que ver, pero ayer cambiamos la contraseña del correo.",
        "Es bastante urgente porque mañana tenemos la auditoría anual.",
        "¿Podrían revisarlo lo antes posible?",
        "Según el contrato, el mantenimiento incluye la atención telefónica, ¿es así?",
        "La impresora de recepción muestra el código E-045 y no imprime nada.",
        "Hemos reiniciado el equipo varias veces sin éxito.",
        "En la factura aparece un artículo que no pedimos: «Cable HDMI 2 m».",
        "El pedido figura como entregado, pero aquí no ha llegado nada.",
        "¿Es necesario que esté conectado a la VPN para acceder al portal?",
        "Les agradecería que me indicaran los pasos a seguir.",
    ]
    static let followUps = [
        "Gracias por la respuesta, pero el problema sigue igual.",
        "Ya lo he probado y ahora funciona correctamente. ¡Muchas gracias!",
        "Les envío el documento que me pidieron.",
        "Perdonen la insistencia, ¿hay alguna novedad?",
        "De acuerdo, quedo a la espera.",
        "No, todavía no hemos recibido el abono.",
        "Sí, el número de serie es el que aparece en la etiqueta trasera.",
        "Lo he vuelto a intentar esta mañana y ha fallado otra vez.",
    ]
    static let closings = ["Gracias de antemano.", "Un saludo.", "Muchas gracias.", "Quedo a la espera de su respuesta.",
                           "Saludos cordiales.", "Atentamente,"]
    static let positions = ["Administración", "Departamento de Compras", "Recepción", "Dirección financiera",
                            "Responsable de sistemas", "Atención al cliente"]

    static func person(_ random: inout SplitMix64) -> Person {
        let first = random.pick(firstNames), last = random.pick(lastNames)
        let local = ascii(first.lowercased()) + "." + ascii(last.lowercased())
        return Person(name: "\(first) \(last)", address: "\(local)@\(random.pick(domains))")
    }

    static let desk = Person(name: "Soporte Empresa", address: "soporte@empresa.com")

    /// Letters without accents, for the local part of an address.
    static func ascii(_ text: String) -> String {
        let plain: [Character: Character] = ["á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ñ": "n", "ü": "u",
                                              "ë": "e", "Á": "a", "É": "e", "Í": "i", "Ó": "o", "Ú": "u", "Ñ": "n"]
        return String(text.map { plain[$0] ?? $0 })
    }

    /// The paragraphs of a new request: greeting, an opening, details, a closing.
    static func request(_ random: inout SplitMix64) -> [String] {
        var paragraphs = [random.pick(greetings), random.pick(openings)]
        for _ in 0..<random.between(1, 3) {
            paragraphs.append((0..<random.between(1, 4)).map { _ in random.pick(details) }.joined(separator: " "))
        }
        paragraphs.append(random.pick(closings))
        return paragraphs
    }

    /// The new text of a reply: short, sometimes one line.
    static func followUp(_ random: inout SplitMix64) -> [String] {
        var paragraphs = [random.pick(followUps)]
        if random.chance(0.5) { paragraphs.insert(random.pick(greetings), at: 0) }
        if random.chance(0.4) { paragraphs.append(random.pick(details)) }
        paragraphs.append(random.pick(closings))
        return paragraphs
    }

    static func signature(_ person: Person, _ random: inout SplitMix64) -> [String] {
        ["-- ", person.name, random.pick(positions), "Tel. +34 9\(random.between(10, 99)) \(random.between(100, 999)) \(random.between(100, 999))"]
    }

    /// The desk's acknowledgement, which replies quote back.
    static func acknowledgement(ticket: String, to person: Person) -> [String] {
        ["##- Por favor, escriba su respuesta por encima de esta línea -##",
         "Hola \(person.name.split(separator: " ").first ?? ""),",
         "Hemos recibido su solicitud y hemos abierto el ticket \(ticket). Le responderemos en un plazo máximo de 24 horas laborables.",
         "Puede responder a este correo para añadir información al ticket.",
         "Atentamente,", "El equipo de Soporte"]
    }

    /// Words wrapped to `width` columns, the way mail clients send plain text.
    static func wrap(_ paragraph: String, width: Int = 72) -> [String] {
        var lines: [String] = [], line = ""
        for word in paragraph.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
