import Testing
@testable import BuzonMIME

@Suite struct FlowedTextTests {
    @Test func softBreaksJoinAndHardBreaksStay() {
        let text = "Hola, esta es una linea \nlarga que sigue.\nNueva linea.\n"
        #expect(FlowedText.unflow(text, deleteSpace: false) == "Hola, esta es una linea larga que sigue.\nNueva linea.\n")
    }

    @Test func delSpRemovesTheJoiningSpace() {
        #expect(FlowedText.unflow("pala \nbra\n", deleteSpace: true) == "palabra\n")
    }

    @Test func quoteDepthAndStuffing() {
        let text = "> cita que \n> sigue\n>> mas \n> profunda\n From al inicio\n"
        #expect(FlowedText.unflow(text, deleteSpace: false) == "> cita que sigue\n>> mas \n> profunda\nFrom al inicio\n")
    }

    @Test func signatureSeparatorIsNotFlowed() {
        #expect(FlowedText.unflow("texto\n-- \nAna\n", deleteSpace: false) == "texto\n-- \nAna\n")
    }

    @Test func parserUnflowsFlowedParts() {
        let raw = "Content-Type: text/plain; charset=utf-8; format=flowed; delsp=no\n\nNo puedo entrar al \nsistema.\n"
        #expect(MessageParser().parse(Array(raw.utf8)).text == "No puedo entrar al sistema.\n")
    }
}

@Suite struct HTMLMetaCharsetTests {
    @Test func findsMetaCharsetForms() {
        #expect(HTMLMetaCharset.find(in: Array(#"<html><head><meta charset="ISO-8859-2"></head>"#.utf8)) == "ISO-8859-2")
        #expect(HTMLMetaCharset.find(in: Array(#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; Charset = windows-1252">"#.utf8)) == "windows-1252")
        #expect(HTMLMetaCharset.find(in: Array("<p>sin declaracion</p>".utf8)) == nil)
    }

    @Test func htmlBodyWithoutParameterUsesMeta() {
        let raw: [UInt8] = Array("Content-Type: text/html\n\n<meta charset=iso-8859-2><p>".utf8) + [0xA3, 0xF3, 0x64, 0xBC] + Array("</p>".utf8)
        #expect(MessageParser().parse(raw).html?.contains("Łódź") == true)
    }
}
