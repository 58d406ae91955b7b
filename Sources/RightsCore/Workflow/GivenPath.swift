import Foundation

/// A path as the user wrote it, and the file it names: absolute as written, else below the
/// working directory. Messages show it back as written.
public struct GivenPath: Sendable, Equatable, CustomStringConvertible {
    public let written: String
    public let url: URL

    public init(_ written: String, relativeTo directory: URL = GivenPath.workingDirectory) {
        self.written = written
        url = written.hasPrefix("/") ? URL(fileURLWithPath: written) : directory.appendingPathComponent(written)
    }

    public var description: String { written }

    public var exists: Bool { FileManager.default.fileExists(atPath: url.path) }

    public static var workingDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    /// `url` as a reader of the terminal wants it: relative to the working directory when below it, else absolute.
    public static func shown(_ url: URL) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(current) ? String(url.path.dropFirst(current.count)) : url.path
    }
}
