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
