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

    /// A kept message's reason code in words (`buzon held list`, `buzon messages rejected`);
    /// an unknown code is shown as it is.
    func keptReason(_ code: String) -> String {
        switch code {
        case "unknown_sender": self("unknown sender", "remitente desconocido")
        case "not_authentic": self("sender not authentic", "remitente no autenticado")
        case "open_ticket_limit": self("open-ticket limit reached", "límite de tickets abiertos alcanzado")
        case "staff_without_ticket": self("staff mail naming no ticket", "correo de personal sin ticket")
        case "missing_sender": self("no usable From address", "sin dirección de remitente válida")
        case "own_mailbox": self("our own mailbox, no ticket", "nuestro propio buzón, sin ticket")
        default: code
        }
    }
}
