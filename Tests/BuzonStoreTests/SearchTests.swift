import Foundation
import Testing
@testable import BuzonStore

@Suite struct SearchTests {
    private func storeWithMessages(_ directory: TemporaryDirectory) throws -> (TicketStore, printer: String, invoice: String) {
        let store = try directory.openStore()
        let printer = try store.makeTicket(subject: "Impresora", at: Clock.at(minutes: 0)).number
        let invoice = try store.makeTicket(subject: "Factura", at: Clock.at(minutes: 1)).number
        try store.addIncoming(to: printer, messageID: "p@x", subject: "La impresora no imprime",
                              reply: "Necesito información sobre el tóner \"HP 85A\" AND más")
        try store.addIncoming(to: invoice, messageID: "f@x", subject: "Factura duplicada", reply: "La factura llegó dos veces")
        return (store, printer, invoice)
    }

    @Test func findsWordsInSubjectAndTextIgnoringAccentsAndCase() throws {
        let directory = try TemporaryDirectory()
        let (store, printer, invoice) = try storeWithMessages(directory)
        #expect(try store.search(text: "impresora").map(\.number) == [printer])
        #expect(try store.search(text: "INFORMACION").map(\.number) == [printer])
        #expect(try store.search(text: "información tóner").map(\.number) == [printer])
        #expect(try store.search(text: "factura").map(\.number) == [invoice])
        #expect(try store.search(text: "factura impresora").isEmpty, "every word must match")
        #expect(try store.search(text: "la").map(\.number) == [invoice, printer], "most recently updated first")
        #expect(try store.search(text: "   ").isEmpty)
    }

    @Test func queryOperatorsAreSearchedLiterallyNeverParsed() throws {
        let directory = try TemporaryDirectory()
        let (store, printer, _) = try storeWithMessages(directory)
        for query in ["\"", "\"HP", "85A\"", "*", "tón*", "AND", "OR", "NOT", "NEAR(", "a AND", "(", ")", "-x", "^", ":", "subject:factura", "\"\"\""] {
            _ = try store.search(text: query)
        }
        #expect(try store.search(text: "\"HP 85A\"").map(\.number) == [printer], "quotes are punctuation, the words still match")
        #expect(try store.search(text: "AND").map(\.number) == [printer], "AND is a word here")
        #expect(try store.search(text: "impreso*").isEmpty, "no prefix search: * is not an operator")
    }

    @Test func deletedOrEditedMessagesLeaveTheIndex() throws {
        let directory = try TemporaryDirectory()
        let (store, printer, _) = try storeWithMessages(directory)
        try store.database.run("UPDATE messages SET reply = 'otro texto', body = 'otro texto', subject = 'otro' WHERE message_id = 'p@x'")
        #expect(try store.search(text: "tóner").isEmpty)
        #expect(try store.search(text: "otro").map(\.number) == [printer])
        try store.database.run("DELETE FROM messages WHERE message_id = 'p@x'")
        #expect(try store.search(text: "otro").isEmpty)
    }
}
