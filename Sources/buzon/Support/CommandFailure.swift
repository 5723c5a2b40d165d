import Foundation
import BuzonGateway
import BuzonStore
import BuzonConfig

/// Exit codes from sysexits(3), which mail systems (Postfix pipe) and scripts understand.
enum ExitCode {
    static let ok: Int32 = 0
    /// The command was refused for a reason retrying does not change (already closed, not staff).
    static let failure: Int32 = 1
    /// The command line is wrong: nothing was read or changed.
    static let usage: Int32 = 64
    /// The ticket, message or id the command names does not exist: retrying will not help.
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    /// Temporary: the database is busy or unwritable, a server is down; the same command may work later.
    static let tempFail: Int32 = 75
    /// The configuration, templates or database need the operator.
    static let config: Int32 = 78
}

/// Prints an error the way operators read it (`buzon tickets list: …`) and picks the exit code:
/// the one place that maps what went wrong to a status.
enum CommandFailure {
    static func report(_ error: Error, spec: CommandSpec) -> Int32 {
        var message = "buzon \(spec.name): \(error)"
        // Every other mistake found in the same read, so one round of edits fixes them all.
        if let error = error as? ConfigError {
            message += error.others.map { "\nbuzon \(spec.name): also \($0)" }.joined()
        }
        if error is Arguments.UsageError {
            message += "\n" + CommandHelp.usage(spec) + "\n(see: buzon help \(spec.name))"
        }
        printError(message)
        if spec.isMailPipe {
            printError("buzon \(spec.name): exit 75: the mail system keeps the message and retries; fix the cause above and it is delivered")
            return ExitCode.tempFail
        }
        return exitCode(for: error)
    }

    static func exitCode(for error: Error) -> Int32 {
        switch error {
        case is Arguments.UsageError: ExitCode.usage
        case is ConfigError: ExitCode.config
        case let error as StoreError where error.needsOperator: ExitCode.config
        case let error as StoreError where error.kind == .notFound: ExitCode.dataError
        case is StoreError: ExitCode.tempFail
        case let error where isMissingThing(error): ExitCode.dataError
        default: ExitCode.failure
        }
    }

    /// The desk's "no such ticket / message / kept message": the operator named something that
    /// is not there, which a retry cannot fix (a script told 75 would retry for ever).
    static func isMissingThing(_ error: Error) -> Bool {
        switch error {
        case DeskActions.ActionError.noSuchTicket, DeskActions.ActionError.noSuchMessage,
             DeskActions.ActionError.noSuchKeptMessage: true
        default: false
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
