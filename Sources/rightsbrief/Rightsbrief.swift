import ArgumentParser
import Foundation

/// The `rightsbrief` command: configuration only; each subcommand lives in `Commands/`.
@main
struct Rightsbrief: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rightsbrief",
        abstract: "Find human-rights evidence in news articles and write monthly country briefs.",
        discussion: """
            Exit codes: 0 success; 1 the job found problems (input rejected, rules inconsistent) or \
            failed; 2 usage error (bad option or argument).
            """,
        version: "0.1.0",
        subcommands: [
            IngestCommand.self,
            ArticlesCommand.self,
            AnalyzeCommand.self,
            FindingsCommand.self,
            EvalCommand.self,
            ExplainCommand.self,
            RulesCommand.self,
            BriefCommand.self,
            RunCommand.self,
            ExportCommand.self,
            ReviewCommand.self,
            IncidentsCommand.self,
            IndicatorsCommand.self,
            CountriesCommand.self,
        ]
    )

    /// Maps errors to the documented exit codes: usage errors to 2 (ArgumentParser uses 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if let failure = error as? CommandFailure ?? CommandFailure(error) {
                if !failure.message.isEmpty { Terminal.error(failure.message) }
                Foundation.exit(failure.exitCode)
            }
            if code == .validationFailure || error is ValidationError {
                Terminal.error(fullMessage(for: error))
                Foundation.exit(2)
            }
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if let exit = error as? ExitCode { Foundation.exit(exit.rawValue) }
            let message = (error as? LocalizedError)?.errorDescription ?? fullMessage(for: error)
            Terminal.error("error: \(message)")
            Foundation.exit(1)
        }
    }
}
