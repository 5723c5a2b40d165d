import BuzonMIME
import BuzonTrim
import BuzonTickets
import BuzonStore
import BuzonTransport

/// Placeholder until the gateway lands (issue #4).
enum GatewayPlaceholder {}
