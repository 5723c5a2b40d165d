import Foundation
import BuzonGateway
import BuzonStore
import BuzonConfig

/// Exit codes from sysexits(3), which mail systems (Postfix pipe) understand.
enum ExitCode {
    static let ok: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 64
    static let noInput: Int32 = 66
    static let tempFail: Int32 = 75
    static let config: Int32 = 78
}

/// Prints an error the way operators read it (`buzon tickets: …`) and picks the exit code.
enum CommandFailure {
    static func report(_ error: Error, command: String) -> Int32 {
        let code: Int32
        switch error {
        case is Arguments.UsageError: code = ExitCode.usage
        case is ConfigError: code = ExitCode.config
        case let error as StoreError where error.needsOperator: code = ExitCode.config
        case is StoreError: code = ExitCode.tempFail
        default: code = ExitCode.failure
        }
        var message = "buzon \(command): \(error)"
        // Every other mistake found in the same read, so one round of edits fixes them all.
        if let error = error as? ConfigError {
            message += error.others.map { "\nbuzon \(command): also \($0)" }.joined()
        }
        if error is Arguments.UsageError { message += "\n(see: buzon help)" }
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return code
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
