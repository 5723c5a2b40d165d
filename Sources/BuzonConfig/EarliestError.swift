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

    /// Every error recorded, in the order found.
    private var recorded: [ConfigError] = []

    mutating func record(_ candidate: ConfigError) {
        recorded.append(contentsOf: candidate.all)
        if let error, (error.line ?? Int.max) <= (candidate.line ?? Int.max) {
            return
        }
        error = candidate
    }

    /// Throws the earliest error, carrying every other one in `others` (same file first by line).
    func throwIfAny() throws(ConfigError) {
        guard var error else { return }
        let first = error.all[0]
        error = first
        error.others = recorded.filter { $0 != first }
            .sorted { ($0.file, $0.line ?? Int.max) < ($1.file, $1.line ?? Int.max) }
        throw error
    }
}
