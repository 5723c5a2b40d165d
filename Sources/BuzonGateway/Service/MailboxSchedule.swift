import Foundation

/// When a mailbox is next polled, and how its recent polls went.
struct MailboxSchedule {
    var nextPoll = Date.distantPast
    var failures = 0
    var lastError: String?

    func isDue(at now: Date) -> Bool { now >= nextPoll }

    mutating func succeeded(at now: Date, interval: TimeInterval) {
        failures = 0
        lastError = nil
        nextPoll = now.addingTimeInterval(interval)
    }

    mutating func failed(at now: Date, error: String, delay: TimeInterval) {
        failures += 1
        lastError = error
        nextPoll = now.addingTimeInterval(delay)
    }
}
