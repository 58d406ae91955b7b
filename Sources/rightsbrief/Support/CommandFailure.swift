import RightsCore

/// Ends a command with a message and an exit code (1 for problems found, 2 for usage).
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32

    init(message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }

    static func problems(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 1) }
    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 2) }

    /// The exit a library error means: a path that names nothing is a usage error (2), rules that
    /// do not load are problems found (1); nil for any other error.
    init?(_ error: Error) {
        switch error {
        case let error as WorkspaceError:
            if case let .inputsMissing(paths) = error {
                self = .usage(paths.map { "error: \($0): no such file or folder" }.joined(separator: "\n"))
            } else {
                self = .usage("error: " + (error.errorDescription ?? "\(error)"))
            }
        case let error as StoreError:
            guard case .missing = error else { return nil }
            self = .usage("error: " + (error.errorDescription ?? "\(error)"))
        case let error as RuleError:
            self = .problems("error: " + (error.errorDescription ?? "invalid rules"))
        default:
            return nil
        }
    }
}
