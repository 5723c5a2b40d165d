/// Runs independent readers and keeps the error nearest the top of the file.
///
/// Why: sections are read in dependency order, not file order, yet an operator fixing one
/// error at a time expects to move from the top of the file down. Errors without a line
/// (a whole missing section) come last.
struct EarliestError {
    private(set) var error: ConfigError?

    @discardableResult
    mutating func attempt<T>(_ body: () throws(ConfigError) -> T) -> T? {
        do {
            return try body()
        } catch {
            record(error)
            return nil
        }
    }

    mutating func record(_ candidate: ConfigError) {
        if let error, (error.line ?? Int.max) <= (candidate.line ?? Int.max) {
            return
        }
        error = candidate
    }

    func throwIfAny() throws(ConfigError) {
        if let error {
            throw error
        }
    }
}
