/// Ends a command with a message and an exit code (1 for problems found, 2 for usage).
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32

    static func problems(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 1) }
    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 2) }
}
