import CSQLite
import BuzonTickets

/// Placeholder until the store lands (issue #3).
enum StorePlaceholder {}
