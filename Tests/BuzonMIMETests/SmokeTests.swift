import Testing
import Foundation
@testable import BuzonMIME

@Suite struct SmokeTests {
    @Test func simpleMessage() {
        let raw = """
        From: "Ana Pérez" <ana@andina.cl>
        To: soporte@empresa.com, Juan <juan@x.com>
        Subject: =?UTF-8?Q?Problema_con_la_factura?= =?UTF-8?B?IMOx?=
        Date: Tue, 5 Mar 2024 10:00:00 +0100 (CET)
        Message-ID: <abc@andina.cl>
        Content-Type: multipart/alternative; boundary="b1"

        --b1
        Content-Type: text/plain; charset=utf-8

        Hola, tengo un problema.
        --b1
        Content-Type: text/html; charset=utf-8

        <p>Hola</p>
        --b1--
        """
        let m = MessageParser().parse(Array(raw.utf8))
        print(m.subject, m.from as Any, m.to, m.date as Any, m.text, m.html as Any, m.diagnostics)
        #expect(m.subject == "Problema con la factura ñ")
        #expect(m.text == "Hola, tengo un problema.")
    }
}
