import Foundation
import BuzonGateway

/// `buzon check-config --config FILE`: validates the configuration, its secrets and every
/// template together and prints what it found; exit 78 when anything is wrong.
enum CheckConfigCommand {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            let args = try Arguments(arguments, valueOptions: ["config"])
            let report = ConfigCheck.run(configPath: CommandContext.configPath(args))
            print(report.rendered)
            return report.hasErrors ? ExitCode.config : ExitCode.ok
        } catch {
            return CommandFailure.report(error, command: "check-config")
        }
    }
}
