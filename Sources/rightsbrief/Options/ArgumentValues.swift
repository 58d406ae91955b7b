import ArgumentParser
import Foundation
import RightsCore

/// `--month YYYY-MM`, checked when the arguments are parsed: a bad month is a usage error (exit 2)
/// before any store is opened.
extension Month: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument)
    }

    public static var defaultValueDescription: String { "YYYY-MM" }
}

/// Paths typed on the command line: absolute as given, else below the current directory; shown
/// back relative to it where they are below it.
enum CommandLinePath {
    static var currentDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    static func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : currentDirectory.appendingPathComponent(path)
    }

    static func display(_ url: URL) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(current) ? String(url.path.dropFirst(current.count)) : url.path
    }
}
