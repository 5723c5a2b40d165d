import BuzonTransport

/// Errors a fake throws at a given step: a queue of one-shot errors (`failNext`) consumed
/// first, then a persistent one (`failAlways`) until cleared.
struct TransportFaults<Step: Hashable> {
    private var once: [Step: [TransportError]] = [:]
    private var always: [Step: TransportError] = [:]

    mutating func failNext(_ step: Step, with error: TransportError, times: Int) {
        once[step, default: []] += Array(repeating: error, count: max(0, times))
    }

    mutating func failAlways(_ step: Step, with error: TransportError?) {
        always[step] = error
    }

    mutating func clear() {
        once = [:]
        always = [:]
    }

    /// The error to throw at this step now, if any (consumes a one-shot error).
    mutating func take(_ step: Step) -> TransportError? {
        if var queue = once[step], !queue.isEmpty {
            let error = queue.removeFirst()
            once[step] = queue
            return error
        }
        return always[step]
    }
}
