import Foundation

/// Something a command needs is not where the user pointed: found before any work starts.
public enum WorkspaceError: Error, Equatable, LocalizedError {
    case rulesFolderMissing(GivenPath)
    /// `<rules>/boilerplate.yaml`, which ingest needs.
    case boilerplateMissing(URL)
    case templatesMissing(GivenPath)
    /// Inputs to ingest that do not exist, as written.
    case inputsMissing([String])
    /// A file to read (a reviewed workbook) that does not exist.
    case fileMissing(GivenPath)

    public var errorDescription: String? {
        switch self {
        case let .rulesFolderMissing(path): return "rules folder \(path) not found: run from the project folder or pass --rules DIR"
        case let .boilerplateMissing(url): return "\(url.path) not found: run from the project folder or point --rules at a rules folder"
        case let .templatesMissing(path): return "no brief.md.mustache in \(path): pass --template DIR"
        case let .inputsMissing(paths): return paths.map { "\($0): no such file or folder" }.joined(separator: "\n")
        case let .fileMissing(path): return "\(path): no such file"
        }
    }
}
