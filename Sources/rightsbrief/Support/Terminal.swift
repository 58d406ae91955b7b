import Foundation

/// Output helpers: messages to stderr, and one updating progress line when stderr is a terminal.
enum Terminal {
    static let stderrIsTerminal = isatty(FileHandle.standardError.fileDescriptor) != 0

    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// A progress line that rewrites itself; silent when output is not a terminal.
    final class ProgressLine: @unchecked Sendable { // used from one thread at a time by the caller
        private var lastDraw = Date.distantPast
        private var drawn = false
        private let enabled: Bool

        init(enabled: Bool = Terminal.stderrIsTerminal) {
            self.enabled = enabled
        }

        func update(_ text: @autoclosure () -> String, force: Bool = false) {
            guard enabled else { return }
            let now = Date()
            guard force || now.timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = now
            drawn = true
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text())".utf8))
        }

        func finish() {
            guard enabled, drawn else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            drawn = false
        }
    }
}
