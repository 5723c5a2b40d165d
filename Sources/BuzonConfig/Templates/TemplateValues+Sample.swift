import Foundation

/// Made-up values for `buzon templates render` and `check-config`: ticket OP10044 of a made-up customer.
extension TemplateValues {
    public static func sample(language: String) -> TemplateValues {
        let spanish = language == "es"
        var values = TemplateValues()
        values.ticketNumber = "OP10044"
        values.ticketSubject = spanish ? "Desbloqueo de usuario" : "User unlock"
        values.contactName = "Jesús Adrián Rodriguez"
        values.contactAddress = "jesus.rodriguez@andina.cl"
        values.organization = "Andina Ltda."
        values.department = "Soporte"
        values.category = "Soporte"
        values.deskName = "Soporte"
        values.mailboxAddress = "soporte@empresa.com"
        values.messageText = spanish
            ? "Hola Jesús:\n\nYa desbloqueamos su usuario. Puede ingresar nuevamente con su contraseña habitual."
            : "Hello Jesús,\n\nYour user is unlocked. You can sign in again with your usual password."
        values.staffName = "Araceli Cruz"
        values.relatedTicket = "OP10043"
        values.openTicketLimit = 3
        values.openTicketCount = 3
        values.originalSubject = values.ticketSubject
        values.date = Date(timeIntervalSince1970: 1_664_389_800) // 2022-09-28 18:30 UTC
        return values
    }
}
