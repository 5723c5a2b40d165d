import Foundation

/// The smallest configuration that loads, plus `extra` lines appended to named sections.
enum MinimalConfig {
    static func text(gateway: String = "", smtp: String = "", mailbox: String = "", more: String = "") -> String {
        """
        [gateway]
        \(gateway)

        [smtp]
        from = "soporte@empresa.com"
        \(smtp)

        [[mailbox]]
        name = "soporte"
        url = "imaps://mail.empresa.com/INBOX"
        address = "soporte@empresa.com"
        department = "Soporte"
        \(mailbox)
        \(more)
        """
    }
}
