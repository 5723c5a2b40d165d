import BuzonTickets

/// The words of tables, labels and confirmations, in the desk's language (`[gateway]
/// language`): a Spanish-speaking desk reads `ESTADO` and `respondido`. Both languages sit side
/// by side at each call (`w("STATE", "ESTADO")`) so a new line of output cannot forget one.
/// JSON output, log lines and error messages stay in English: scripts and searches rely on them.
struct Wording {
    let spanish: Bool

    init(language: String) { spanish = language == "es" }

    func callAsFunction(_ english: String, _ spanish: String) -> String {
        self.spanish ? spanish : english
    }

    func state(_ state: TicketState) -> String {
        switch state {
        case .waitingOnSupport: self("waiting on support", "espera soporte")
        case .answered: self("answered", "respondido")
        case .closed: self("closed", "cerrado")
        }
    }
}
