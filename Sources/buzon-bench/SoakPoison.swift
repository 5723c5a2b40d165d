import Foundation
import BuzonTesting

/// The poison set (phase E): mail that broke a gateway somewhere before, each message labelled
/// `E-nn what` so a FAIL line says which kind went wrong. Sent by an authorized customer unless
/// the point is the sender; what a correct desk does with each is in its `expectsTicket` and
/// `isGoodMail`.
enum SoakPoison {
    static let customer = "Ana Pérez <ana.perez@cliente.es>"

    /// One poison message before it is parsed (parsing 5 MB of garbage is slow in debug builds).
    struct Spec {
        var label: String
        var bytes: [UInt8]
        var isGoodMail: Bool
        var expectsTicket: Bool
        var deliveredRead: Bool
    }

    static func messages(seed: UInt64) -> [SoakMessage] {
        specs(seed: seed).map { spec in
            var message = SoakMessage(label: spec.label, phase: .poison, kind: .poison, bytes: spec.bytes,
                                      isGoodMail: spec.isGoodMail, expectsTicket: spec.expectsTicket)
            message.deliveredRead = spec.deliveredRead
            return message
        }
    }

    static func specs(seed: UInt64) -> [Spec] {
        var random = SplitMix64(seed: seed ^ 0x5EED_BAD0)
        var list: [Spec] = []
        func add(_ what: String, _ bytes: [UInt8], good: Bool = true, ticket: Bool = true, read: Bool = false) {
            list.append(Spec(label: "E-\(String(format: "%02d", list.count + 1)) \(what)", bytes: bytes,
                             isGoodMail: good, expectsTicket: ticket, deliveredRead: read))
        }
        func mail(_ subject: String, id: String?, headers: [String] = [], from: String = customer) -> TestMail {
            TestMail(from: from, to: ["soporte@empresa.com"], subject: subject,
                     body: "Buenos días,\nel portal no carga desde esta mañana (\(subject)).\nGracias,\nAna\n",
                     messageID: id, extraHeaders: headers)
        }
        let tag = "\(seed)"
        // Message-IDs the acknowledgement builder once refused (issue #10 item 7).
        add("odd Message-ID without @", mail("Id sin arroba", id: "sinarroba.\(tag)").bytes)
        add("odd Message-ID with two @", mail("Id con dos arrobas", id: "a@b@c.\(tag)").bytes)
        add("non-ASCII Message-ID", mail("Id con eñe", id: "peña.ñandú.\(tag)@cliente.es").bytes)
        add("Message-ID over 250 bytes", mail("Id larguísimo", id: String(repeating: "x", count: 300) + ".\(tag)@cliente.es").bytes)
        // mbox `From ` lines in the header block (item 6).
        let mbox = Array("From ana.perez@cliente.es  Mon Nov 23 09:15:00 2026\r\n".utf8)
        add("mbox From line first", mbox + mail("Línea From al principio", id: "mbox-first.\(tag)@cliente.es").bytes)
        // Inside the block, before `From:` (after a relay's trace field), where it hides the sender.
        let received = Array("Received: from relay.cliente.es by mx.empresa.com; Mon, 23 Nov 2026 09:15:00 -0300\r\n".utf8)
        add("mbox From line inside headers", received + mbox + mail("Línea From en medio", id: "mbox-mid.\(tag)@cliente.es").bytes)
        add(">From line inside headers", received + Array(">From ana.perez@cliente.es Mon Nov 23 2026\r\n".utf8)
                + mail("Línea >From", id: "mbox-gt.\(tag)@cliente.es").bytes)
        // Malformed MIME from an authorized customer: still a ticket.
        for (index, (what, body)) in malformedBodies.enumerated() {
            add("malformed MIME: \(what)", header("Mal formado \(index)", id: "malformed-\(index).\(tag)@cliente.es") + Array(body.utf8))
        }
        // Huge headers.
        add("900 header fields", mail("Muchas cabeceras", id: "many-headers.\(tag)@cliente.es",
                                      headers: (1...900).map { "X-Trace-\($0): relay-\($0).example.net" }).bytes)
        add("100 KB Subject", mail("Asunto " + String(repeating: "largo ", count: 17_000), id: "long-subject.\(tag)@cliente.es").bytes)
        add("1 MB header line", mail("Cabecera enorme", id: "huge-header.\(tag)@cliente.es",
                                     headers: ["X-Junk: " + String(repeating: "a", count: 1_000_000)]).bytes)
        add("no Message-ID", mail("Sin Message-ID \(tag)", id: nil).bytes)
        // Not mail at all (item 3: they must not collide on one dedupe key).
        add("empty file", [], good: false, ticket: false)
        add("bare line of text", Array("hola\r\n".utf8), good: false, ticket: false)
        add("bare line of text (other)", Array("prueba de envío\r\n".utf8), good: false, ticket: false)
        add("5 MB of garbage", random.bytes(5_000_000).map { $0 == 0 ? 1 : $0 }, good: false, ticket: false)
        add("64 KB of garbage", random.bytes(65_536).map { $0 == 0 ? 1 : $0 }, good: false, ticket: false)
        // Strangers: not ticketed (unknown_sender = reject), but must be kept (item 4).
        add("stranger", mail("Consulta de un desconocido", id: "stranger-1.\(tag)@desconocido.example",
                             from: "Pedro Gil <pedro@desconocido.example>").bytes, ticket: false)
        add("stranger (second)", mail("Otra consulta", id: "stranger-2.\(tag)@desconocido.example",
                                      from: "Luz Mora <luz@otro-desconocido.example>").bytes, ticket: false)
        // A mail loop and auto-replies: recorded as automatic, never acknowledged.
        add("carries our X-Buzon-Loop", mail("RE: [OP10044] Hemos recibido su solicitud", id: "loop.\(tag)@cliente.es",
                                             headers: ["X-Buzon-Loop: soporte@empresa.com"]).bytes, ticket: false)
        add("from our own mailbox", mail("Hemos recibido su solicitud", id: "own.\(tag)@empresa.com",
                                         from: "Soporte <soporte@empresa.com>").bytes, ticket: false)
        add("Precedence: bulk", mail("Boletín de novedades", id: "bulk.\(tag)@cliente.es", headers: ["Precedence: bulk"]).bytes, ticket: false)
        for index in 1...6 {
            add("out-of-office \(index) of 6 from one address",
                mail("Respuesta automática: fuera de la oficina", id: "ooo-\(index).\(tag)@cliente.es",
                     headers: ["Auto-Submitted: auto-replied"], from: "Raúl Díaz <raul.diaz@cliente.es>").bytes, ticket: false)
        }
        // Read by a colleague before the poll (item 1).
        add("already read in webmail", mail("Leído antes de tiempo", id: "read-1.\(tag)@cliente.es").bytes, read: true)
        add("already read in webmail (second)", mail("También leído", id: "read-2.\(tag)@cliente.es").bytes, read: true)
        return list
    }

    /// Bodies (with their Content-Type) that break MIME in the ways real mail does.
    static let malformedBodies: [(String, String)] = [
        ("multipart without boundary", "Content-Type: multipart/mixed\r\n\r\nTexto sin partes.\r\n"),
        ("boundary never used", "Content-Type: multipart/mixed; boundary=\"nunca\"\r\n\r\nTexto sin delimitadores.\r\n"),
        ("no closing boundary", "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nHola\r\n--b1\r\n"
            + "Content-Type: application/pdf; name=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjcK\r\n"),
        ("40 nested multiparts", (0..<40).map { "Content-Type: multipart/mixed; boundary=\"n\($0)\"\r\n\r\n--n\($0)\r\n" }.joined()
            + "Content-Type: text/plain\r\n\r\nAl fondo.\r\n"),
        ("broken base64 and unknown charset", "Content-Type: text/plain; charset=\"x-desconocido\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "SG9sYS!!*%wgbXVuZG8\r\n"),
        ("header lines without colon, bare LF", "Content-Type: text/plain\nesto no es una cabecera\n\nCuerpo con LF solos.\n"),
    ]

    /// From, To, Subject, Date, Message-ID of an authorized customer; the caller adds the
    /// content headers and body.
    static func header(_ subject: String, id: String) -> [UInt8] {
        Array("From: \(customer)\r\nTo: soporte@empresa.com\r\nSubject: \(subject)\r\nDate: Mon, 23 Nov 2026 09:15:00 -0300\r\nMessage-ID: <\(id)>\r\nMIME-Version: 1.0\r\n".utf8)
    }
}
