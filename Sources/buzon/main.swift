import Foundation

/// `buzon` — the command line. One type per subcommand; this file only dispatches.
let exitCode = BuzonCommandLine.run(Array(CommandLine.arguments.dropFirst()))
exit(exitCode)
